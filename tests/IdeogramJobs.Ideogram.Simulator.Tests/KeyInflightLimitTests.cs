using System.Globalization;
using System.Net;
using System.Text.Json;
using IdeogramJobs.Ideogram.Simulator.Stats;
using IdeogramJobs.Ideogram.Simulator.Tests.Infrastructure;
using IdeogramJobs.Testing.Simulator;
using Microsoft.Extensions.Options;

namespace IdeogramJobs.Ideogram.Simulator.Tests;

/// <summary>
/// SIMULATOR_KEY_INFLIGHT_LIMITS gives chosen keys their own in-flight limit, as Ideogram does per
/// customer; other keys keep SIMULATOR_INFLIGHT_LIMIT. Keys show only as fingerprints.
/// </summary>
public sealed class KeyInflightLimitTests
{
    private const string SmallKey = "sk-small-Qw71bN2xPz";
    private const string LargeKey = "sk-large-Jt40cV8mRe";

    private static GenerateForm Images(int count) =>
        GenerateForm.WithPrompt("a harbour at noon").Text("rendering_speed", "FLASH").Text("num_images", count.ToString(CultureInfo.InvariantCulture));

    private static long Inflight(JsonElement stats, string apiKey) =>
        stats.GetProperty("keys").TryGetProperty(KeyFingerprint.Of(apiKey), out var key) ? key.GetProperty("inflightImages").GetInt64() : 0;

    [Fact]
    public async Task Each_listed_key_is_held_to_its_own_limit_and_other_keys_to_the_default()
    {
        await using var simulator = await SimulatorHost.StartAsync(options =>
        {
            options.InflightLimit = 4;
            options.KeyInflightLimits = $"{SmallKey}=2,{LargeKey}=6";
            options.LatencyScale = 1000;
        });

        var held = new[]
        {
            simulator.GenerateAsync(Images(2), apiKey: SmallKey),
            simulator.GenerateAsync(Images(3), apiKey: LargeKey),
            simulator.GenerateAsync(Images(3), apiKey: LargeKey),
            simulator.GenerateAsync(Images(4)),
        };
        await simulator.WaitForStatsAsync(
            stats => (Inflight(stats, SmallKey), Inflight(stats, LargeKey), Inflight(stats, SimulatorHost.DefaultKey)) == (2, 6, 4),
            "2, 6 and 4 images in flight for the small, large and default keys");

        using var smallOver = await simulator.GenerateAsync(Images(1), apiKey: SmallKey);
        using var largeOver = await simulator.GenerateAsync(Images(1), apiKey: LargeKey);
        using var defaultOver = await simulator.GenerateAsync(Images(1));
        await simulator.ConfigureAsync(new { latencyScale = 0 });

        foreach (var (response, limit) in new[] { (smallOver, 2), (largeOver, 6), (defaultOver, 4) })
        {
            var rejection = await response.AssertStatusAsync(HttpStatusCode.TooManyRequests);
            Assert.Equal("inflight_limit", rejection.GetProperty("reject_reason").GetString());
            Assert.Equal(limit, rejection.GetProperty("max_inflight_requests").GetInt32());
        }
        foreach (var request in held)
        {
            using var response = await request;
            await response.AssertStatusAsync(HttpStatusCode.OK);
        }
        var final = await simulator.WaitForStatsAsync(stats => stats.GetProperty("totals").GetProperty("inflightImages").GetInt64() == 0, "every in-flight image released");
        Assert.Equal(6, final.GetProperty("keys").GetProperty(KeyFingerprint.Of(LargeKey)).GetProperty("maxInflightImages").GetInt64());
    }

    [Fact]
    public async Task The_config_shows_per_key_limits_by_fingerprint_and_never_the_keys()
    {
        await using var simulator = await SimulatorHost.StartAsync(args: [$"--SIMULATOR_KEY_INFLIGHT_LIMITS={SmallKey}=2, {LargeKey}=15"]);

        var config = await simulator.GetJsonAsync("/_simulator/config");

        var limits = config.GetProperty("keyInflightLimits");
        Assert.Equal(2, limits.GetProperty(KeyFingerprint.Of(SmallKey)).GetInt32());
        Assert.Equal(15, limits.GetProperty(KeyFingerprint.Of(LargeKey)).GetInt32());
        Assert.DoesNotContain(SmallKey, config.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(LargeKey, config.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(simulator.Logs.Entries.Select(entry => entry.FullText).ToList(), line => line.Contains(SmallKey, StringComparison.Ordinal) || line.Contains(LargeKey, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Per_key_limits_set_at_run_time_apply_to_the_next_request_and_replace_the_earlier_ones()
    {
        await using var simulator = await SimulatorHost.StartAsync(options => options.KeyInflightLimits = $"{LargeKey}=12");

        await simulator.ConfigureAsync(new { keyInflightLimits = new Dictionary<string, int> { [SmallKey] = 2 } });
        using var refused = await simulator.GenerateAsync(Images(3), apiKey: SmallKey);
        using var accepted = await simulator.GenerateAsync(Images(2), apiKey: SmallKey);

        await refused.AssertStatusAsync(HttpStatusCode.TooManyRequests);
        await accepted.AssertStatusAsync(HttpStatusCode.OK);
        var limits = (await simulator.GetJsonAsync("/_simulator/config")).GetProperty("keyInflightLimits");
        Assert.Equal([KeyFingerprint.Of(SmallKey)], limits.EnumerateObject().Select(property => property.Name));
    }

    [Fact]
    public async Task An_invalid_per_key_limit_stops_the_start_naming_the_variable_but_not_the_key()
    {
        var exception = await Assert.ThrowsAsync<OptionsValidationException>(() =>
            SimulatorHost.StartAsync(options => options.KeyInflightLimits = $"{LargeKey}=6,{SmallKey}=0"));

        Assert.Contains("SIMULATOR_KEY_INFLIGHT_LIMITS", exception.Message);
        Assert.Contains("entry 2", exception.Message);
        Assert.DoesNotContain(SmallKey, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_per_key_limit_below_one_set_at_run_time_is_refused_without_echoing_the_key()
    {
        await using var simulator = await SimulatorHost.StartAsync();

        using var response = await simulator.PutConfigAsync(new { keyInflightLimits = new Dictionary<string, int> { [SmallKey] = 0 } });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("SIMULATOR_KEY_INFLIGHT_LIMITS", body, StringComparison.Ordinal);
        Assert.DoesNotContain(SmallKey, body, StringComparison.Ordinal);
    }
}
