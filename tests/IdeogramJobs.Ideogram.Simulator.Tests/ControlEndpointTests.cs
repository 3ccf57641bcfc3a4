using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using IdeogramJobs.Ideogram.Simulator.Tests.Infrastructure;
using IdeogramJobs.Testing.Simulator;

namespace IdeogramJobs.Ideogram.Simulator.Tests;

public sealed class ControlEndpointTests
{
    private static string FingerprintOf(string key) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..12];

    private static JsonElement LastCaptured(JsonElement requests) => requests[requests.GetArrayLength() - 1];

    [Fact]
    public async Task Captured_requests_keep_part_order_repeated_style_codes_and_content_types()
    {
        await using var simulator = await SimulatorHost.StartAsync();
        var form = new GenerateForm()
            .Bare("prompt", "a kite")
            .Text("style_codes", "0A1B2C3D")
            .Text("rendering_speed", "TURBO")
            .Text("style_codes", "DEADBEEF")
            .Json("color_palette", """{"name":"EMBER"}""")
            .Text("num_images", "2");

        using var response = await simulator.GenerateAsync(form);
        await response.AssertStatusAsync(HttpStatusCode.OK);

        var captured = LastCaptured(await simulator.GetJsonAsync("/_simulator/requests?limit=1"));
        Assert.Equal(FingerprintOf(SimulatorHost.DefaultKey), captured.GetProperty("fingerprint").GetString());
        Assert.Equal(200, captured.GetProperty("status").GetInt32());
        Assert.StartsWith("multipart/form-data; boundary=", captured.GetProperty("contentType").GetString());
        var fields = captured.GetProperty("fields").EnumerateArray().ToList();
        Assert.Equal(
            ["prompt", "style_codes", "rendering_speed", "style_codes", "color_palette", "num_images"],
            fields.Select(field => field.GetProperty("name").GetString()!).ToArray());
        Assert.Equal(["0A1B2C3D", "DEADBEEF"], fields.Where(field => field.GetProperty("name").GetString() == "style_codes").Select(field => field.GetProperty("value").GetString()!).ToArray());
        Assert.Equal(JsonValueKind.Null, fields[0].GetProperty("contentType").ValueKind);
        Assert.Equal("a kite", fields[0].GetProperty("value").GetString());
        Assert.Equal("text/plain; charset=utf-8", fields[1].GetProperty("contentType").GetString());
        Assert.Equal("application/json", fields[4].GetProperty("contentType").GetString());
        Assert.Equal("""{"name":"EMBER"}""", fields[4].GetProperty("value").GetString());
    }

    [Fact]
    public async Task Captured_requests_are_listed_as_answered_and_numbered_as_they_arrived()
    {
        await using var simulator = await SimulatorHost.StartAsync(options => options.FailureRateHang = 1.0);
        var hanging = simulator.GenerateAsync(GenerateForm.WithPrompt("the slow one"));
        await simulator.WaitForStatsAsync(stats => stats.GetProperty("totals").GetProperty("hangs").GetInt32() == 1, "the first request to be hanging");
        await simulator.ConfigureAsync(new { failureRates = new { hang = 0.0 } });
        using (var quick = await simulator.GenerateAsync(GenerateForm.WithPrompt("the quick one")))
        {
            await quick.AssertStatusAsync(HttpStatusCode.OK);
        }

        await simulator.ConfigureAsync(new { hangSeconds = 0 });
        using (await hanging)
        {
        }

        var captured = (await simulator.GetJsonAsync("/_simulator/requests")).EnumerateArray()
            .Select(request => (Prompt: request.GetProperty("fields")[0].GetProperty("value").GetString(), Arrival: request.GetProperty("arrival").GetInt64()))
            .ToList();
        Assert.Equal([("the quick one", 1L), ("the slow one", 0L)], captured);

        await simulator.ResetAsync();
        using (var afterReset = await simulator.GenerateAsync(GenerateForm.WithPrompt("after reset")))
        {
            await afterReset.AssertStatusAsync(HttpStatusCode.OK);
        }

        Assert.Equal(0, LastCaptured(await simulator.GetJsonAsync("/_simulator/requests")).GetProperty("arrival").GetInt64());
    }

    [Fact]
    public async Task Captured_file_parts_show_name_file_name_type_and_length_but_not_the_bytes()
    {
        await using var simulator = await SimulatorHost.StartAsync();

        using var response = await simulator.GenerateAsync(
            GenerateForm.WithPrompt().File("style_reference_images", "a.png", "image/png", SampleImages.Png(1234)));
        await response.AssertStatusAsync(HttpStatusCode.OK);

        var file = LastCaptured(await simulator.GetJsonAsync("/_simulator/requests")).GetProperty("fields")[1];
        Assert.Equal("style_reference_images", file.GetProperty("name").GetString());
        Assert.Equal("a.png", file.GetProperty("fileName").GetString());
        Assert.Equal("image/png", file.GetProperty("contentType").GetString());
        Assert.Equal(1234, file.GetProperty("length").GetInt32());
        Assert.False(file.TryGetProperty("value", out _), "a file part's bytes are not captured");
    }

    [Fact]
    public async Task Captured_requests_record_refusals_with_their_status_newest_last()
    {
        await using var simulator = await SimulatorHost.StartAsync();

        using (await simulator.GenerateAsync(GenerateForm.WithPrompt().Text("model", "V_3")))
        { }
        using (await simulator.GenerateAsync(GenerateForm.WithPrompt(), apiKey: null))
        { }

        var requests = await simulator.GetJsonAsync("/_simulator/requests");
        Assert.Equal(2, requests.GetArrayLength());
        Assert.Equal(400, requests[0].GetProperty("status").GetInt32());
        Assert.Equal(401, requests[1].GetProperty("status").GetInt32());
        Assert.Equal(JsonValueKind.Null, requests[1].GetProperty("fingerprint").ValueKind);
    }

    [Fact]
    public async Task The_capture_buffer_keeps_only_the_last_500_requests()
    {
        await using var simulator = await SimulatorHost.StartAsync();

        for (var i = 0; i < 503; i++)
        {
            using var response = await simulator.GenerateAsync(GenerateForm.WithPrompt($"prompt {i}"));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        var requests = await simulator.GetJsonAsync("/_simulator/requests?limit=1000");
        Assert.Equal(500, requests.GetArrayLength());
        Assert.Equal("prompt 3", requests[0].GetProperty("fields")[0].GetProperty("value").GetString());
        Assert.Equal("prompt 502", requests[499].GetProperty("fields")[0].GetProperty("value").GetString());
    }

    [Fact]
    public async Task Stats_count_each_outcome_per_key_fingerprint_and_in_totals()
    {
        await using var simulator = await SimulatorHost.StartAsync(options => options.InflightLimit = 4);

        using (await simulator.GenerateAsync(GenerateForm.WithPrompt().Text("num_images", "3"), apiKey: "key-a"))
        { }
        using (await simulator.GenerateAsync(GenerateForm.WithPrompt().Text("num_images", "5"), apiKey: "key-a"))
        { }
        using (await simulator.GenerateAsync(GenerateForm.WithPrompt("UNSAFE"), apiKey: "key-b"))
        { }
        using (await simulator.GenerateAsync(GenerateForm.WithPrompt().Text("seed", "x"), apiKey: "key-b"))
        { }

        var stats = await simulator.GetStatsAsync();
        var keyA = stats.GetProperty("keys").GetProperty(FingerprintOf("key-a"));
        var keyB = stats.GetProperty("keys").GetProperty(FingerprintOf("key-b"));
        var totals = stats.GetProperty("totals");
        Assert.Equal((2, 1, 3, 3, 1), (keyA.GetProperty("requests").GetInt32(), keyA.GetProperty("succeeded").GetInt32(), keyA.GetProperty("images").GetInt32(), keyA.GetProperty("maxInflightImages").GetInt32(), keyA.GetProperty("rejectedInflight").GetInt32()));
        Assert.Equal((2, 1, 1, 0), (keyB.GetProperty("requests").GetInt32(), keyB.GetProperty("rejected422").GetInt32(), keyB.GetProperty("rejected400").GetInt32(), keyB.GetProperty("succeeded").GetInt32()));
        Assert.Equal((4, 1, 3, 1, 1, 1), (totals.GetProperty("requests").GetInt32(), totals.GetProperty("succeeded").GetInt32(), totals.GetProperty("images").GetInt32(), totals.GetProperty("rejectedInflight").GetInt32(), totals.GetProperty("rejected422").GetInt32(), totals.GetProperty("rejected400").GetInt32()));
        foreach (var counter in new[] { "inflightImages", "injected429", "injected5xx", "hangs", "abandoned" })
        {
            Assert.Equal(0, totals.GetProperty(counter).GetInt32());
        }
    }

    [Fact]
    public async Task Billed_generations_are_counted_per_prompt_so_a_prompt_paid_for_twice_shows()
    {
        await using var simulator = await SimulatorHost.StartAsync(options => options.InflightLimit = 4);

        using (await simulator.GenerateAsync(GenerateForm.WithPrompt("job 1").Text("num_images", "3"), apiKey: "key-a"))
        { }
        using (await simulator.GenerateAsync(GenerateForm.WithPrompt("job 1").Text("num_images", "3"), apiKey: "key-b"))
        { }
        using (await simulator.GenerateAsync(GenerateForm.WithPrompt("job 2")))
        { }
        using (await simulator.GenerateAsync(GenerateForm.WithPrompt("job 3").Text("num_images", "5")))
        { }
        using (await simulator.GenerateAsync(GenerateForm.WithPrompt("job 4 UNSAFE")))
        { }

        var summary = (await simulator.GetStatsAsync()).GetProperty("billedPrompts");
        Assert.Equal((2, 1, 1, 2, 0), (summary.GetProperty("prompts").GetInt32(), summary.GetProperty("billedOnce").GetInt32(), summary.GetProperty("billedMoreThanOnce").GetInt32(), summary.GetProperty("mostForOnePrompt").GetInt32(), summary.GetProperty("untrackedGenerations").GetInt32()));
        var all = await simulator.GetJsonAsync("/_simulator/stats/prompts");
        Assert.Equal(["job 1:2", "job 2:1"], all.EnumerateObject().Select(prompt => $"{prompt.Name}:{prompt.Value.GetInt32()}").Order().ToArray());
        var twiceOrMore = await simulator.GetJsonAsync("/_simulator/stats/prompts?minimum=2");
        Assert.Equal(["job 1"], twiceOrMore.EnumerateObject().Select(prompt => prompt.Name).ToArray());
    }

    [Fact]
    public async Task Billed_prompts_refuse_a_minimum_that_is_not_a_whole_number_and_reset_clears_them()
    {
        await using var simulator = await SimulatorHost.StartAsync();
        using (await simulator.GenerateAsync(GenerateForm.WithPrompt("job 1")))
        { }

        using var refused = await simulator.Client.GetAsync("/_simulator/stats/prompts?minimum=two");
        await refused.AssertBadRequestNamingAsync("minimum");
        await simulator.ResetAsync();

        Assert.Empty((await simulator.GetJsonAsync("/_simulator/stats/prompts")).EnumerateObject());
        Assert.Equal(0, (await simulator.GetStatsAsync()).GetProperty("billedPrompts").GetProperty("prompts").GetInt32());
    }

    [Fact]
    public async Task Reset_clears_counters_and_captured_requests_but_keeps_the_settings()
    {
        await using var simulator = await SimulatorHost.StartAsync();
        await simulator.ConfigureAsync(new { inflightLimit = 6, safetyMarker = "NOPE" });
        using (await simulator.GenerateAsync(GenerateForm.WithPrompt()))
        { }

        await simulator.ResetAsync();

        var stats = await simulator.GetStatsAsync();
        Assert.Empty(stats.GetProperty("keys").EnumerateObject());
        Assert.Equal(0, stats.GetProperty("totals").GetProperty("requests").GetInt32());
        Assert.Equal(0, (await simulator.GetJsonAsync("/_simulator/requests")).GetArrayLength());
        var config = await simulator.GetJsonAsync("/_simulator/config");
        Assert.Equal(6, config.GetProperty("inflightLimit").GetInt32());
        Assert.Equal("NOPE", config.GetProperty("safetyMarker").GetString());
    }

    [Fact]
    public async Task Config_put_replaces_only_the_given_settings_and_get_shows_them()
    {
        await using var simulator = await SimulatorHost.StartAsync(options => options.HangSeconds = 30);

        await simulator.ConfigureAsync(new
        {
            latencyScale = 0.5,
            failureRates = new { serverError = 0.1, hang = 0.05 },
            retryAfterSeconds = 3,
            imageUrlTtlSeconds = 120,
            seed = 99,
        });

        var config = await simulator.GetJsonAsync("/_simulator/config");
        Assert.Equal(0.5, config.GetProperty("latencyScale").GetDouble());
        Assert.Equal(0.1, config.GetProperty("failureRates").GetProperty("serverError").GetDouble());
        Assert.Equal(0.05, config.GetProperty("failureRates").GetProperty("hang").GetDouble());
        Assert.Equal(0, config.GetProperty("failureRates").GetProperty("rateLimited").GetDouble());
        Assert.Equal(3, config.GetProperty("retryAfterSeconds").GetInt32());
        Assert.Equal(120, config.GetProperty("imageUrlTtlSeconds").GetInt32());
        Assert.Equal(99, config.GetProperty("seed").GetInt32());
        Assert.Equal(30, config.GetProperty("hangSeconds").GetInt32());
        Assert.Equal(10, config.GetProperty("inflightLimit").GetInt32());
        Assert.Equal(1.0, config.GetProperty("latencySeconds").GetProperty("FLASH").GetProperty("min").GetDouble());
        Assert.Equal(2.0, config.GetProperty("latencySeconds").GetProperty("FLASH").GetProperty("max").GetDouble());
        Assert.Equal(12.5, config.GetProperty("latencySeconds").GetProperty("QUALITY").GetProperty("max").GetDouble());
    }

    [Fact]
    public async Task Config_put_with_an_invalid_value_is_refused_naming_the_setting_and_changes_nothing()
    {
        await using var simulator = await SimulatorHost.StartAsync();

        using var response = await simulator.PutConfigAsync(new { inflightLimit = 0, latencyScale = 2 });

        var detail = await response.AssertBadRequestNamingAsync("config");
        Assert.Contains("SIMULATOR_INFLIGHT_LIMIT (inflightLimit)", detail);
        var config = await simulator.GetJsonAsync("/_simulator/config");
        Assert.Equal(10, config.GetProperty("inflightLimit").GetInt32());
        Assert.Equal(0, config.GetProperty("latencyScale").GetDouble());
    }

    [Fact]
    public async Task Config_put_refuses_failure_rates_adding_up_to_more_than_1()
    {
        await using var simulator = await SimulatorHost.StartAsync();

        using var response = await simulator.PutConfigAsync(new { failureRates = new { rateLimited = 0.6, serviceUnavailable = 0.6 } });

        var detail = await response.AssertBadRequestNamingAsync("config");
        Assert.Contains("failureRates", detail);
    }

    [Fact]
    public async Task Config_put_refuses_an_unknown_setting_by_name()
    {
        await using var simulator = await SimulatorHost.StartAsync();

        using var response = await simulator.PutConfigAsync(new { apiKeys = "new-key" });

        var detail = await response.AssertBadRequestNamingAsync("config");
        Assert.Contains("'apiKeys'", detail);
    }
}
