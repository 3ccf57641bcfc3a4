using System.Net;
using System.Text.Json;
using IdeogramJobs.Ideogram.Simulator.Tests.Infrastructure;

namespace IdeogramJobs.Ideogram.Simulator.Tests;

/// <summary>
/// The in-flight limit counts images per key. Requests are held open by a long latency (FLASH 3 s
/// times 1000) and released by setting the latency scale to 0, which re-evaluates waiting requests.
/// </summary>
public sealed class InflightLimitTests
{
    private static GenerateForm Images(int count) =>
        GenerateForm.WithPrompt().Text("rendering_speed", "FLASH").Text("num_images", count.ToString(System.Globalization.CultureInfo.InvariantCulture));

    private static long Totals(JsonElement stats, string counter) => stats.GetProperty("totals").GetProperty(counter).GetInt64();

    [Fact]
    public async Task Two_held_four_image_requests_hold_eight_units_and_a_third_is_refused_with_inflight_limit()
    {
        await using var simulator = await SimulatorHost.StartAsync(options =>
        {
            options.InflightLimit = 10;
            options.LatencyScale = 1000;
        });

        var first = simulator.GenerateAsync(Images(4));
        var second = simulator.GenerateAsync(Images(4));
        await simulator.WaitForStatsAsync(stats => Totals(stats, "inflightImages") == 8, "8 images in flight from two held 4-image requests");

        using var third = await simulator.GenerateAsync(Images(4));
        var rejection = await third.AssertStatusAsync(HttpStatusCode.TooManyRequests);
        Assert.Equal("inflight_limit", rejection.GetProperty("reject_reason").GetString());
        Assert.Equal(10, rejection.GetProperty("max_inflight_requests").GetInt32());
        Assert.False(string.IsNullOrEmpty(rejection.GetProperty("error").GetString()));

        var fitsExactly = simulator.GenerateAsync(Images(2));
        await simulator.WaitForStatsAsync(stats => Totals(stats, "inflightImages") == 10, "10 images in flight after a 2-image request filled the limit");

        await simulator.ConfigureAsync(new { latencyScale = 0 });

        foreach (var (request, images) in new[] { (first, 4), (second, 4), (fitsExactly, 2) })
        {
            using var response = await request;
            var body = await response.AssertStatusAsync(HttpStatusCode.OK);
            Assert.Equal(images, body.GetProperty("data").GetArrayLength());
        }
        var final = await simulator.WaitForStatsAsync(stats => Totals(stats, "inflightImages") == 0, "every in-flight image released");
        Assert.Equal(10, Totals(final, "maxInflightImages"));
        Assert.Equal(1, Totals(final, "rejectedInflight"));
        Assert.Equal(3, Totals(final, "succeeded"));
        Assert.Equal(10, Totals(final, "images"));
    }

    [Fact]
    public async Task Counts_the_limit_per_key_so_another_key_is_not_refused()
    {
        await using var simulator = await SimulatorHost.StartAsync(options =>
        {
            options.InflightLimit = 4;
            options.LatencyScale = 1000;
        });

        var held = simulator.GenerateAsync(Images(4), apiKey: "key-a");
        await simulator.WaitForStatsAsync(stats => Totals(stats, "inflightImages") == 4, "key-a holding 4 images");

        using var sameKey = await simulator.GenerateAsync(Images(1), apiKey: "key-a");
        var otherKey = simulator.GenerateAsync(Images(4), apiKey: "key-b");
        await simulator.WaitForStatsAsync(stats => Totals(stats, "inflightImages") == 8, "key-b holding 4 images beside key-a's 4");
        await simulator.ConfigureAsync(new { latencyScale = 0 });

        await sameKey.AssertStatusAsync(HttpStatusCode.TooManyRequests);
        using var heldResponse = await held;
        using var otherResponse = await otherKey;
        await heldResponse.AssertStatusAsync(HttpStatusCode.OK);
        await otherResponse.AssertStatusAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_request_larger_than_the_limit_is_refused_even_when_nothing_is_in_flight()
    {
        await using var simulator = await SimulatorHost.StartAsync(options => options.InflightLimit = 3);

        using var response = await simulator.GenerateAsync(Images(4));

        var body = await response.AssertStatusAsync(HttpStatusCode.TooManyRequests);
        Assert.Equal("inflight_limit", body.GetProperty("reject_reason").GetString());
    }

    [Fact]
    public async Task A_client_that_disconnects_releases_its_units_and_is_recorded_as_499()
    {
        await using var simulator = await SimulatorHost.StartAsync(options => options.LatencyScale = 1000);
        using var cancel = new CancellationTokenSource();

        var abandoned = simulator.GenerateAsync(Images(4), cancellationToken: cancel.Token);
        await simulator.WaitForStatsAsync(stats => Totals(stats, "inflightImages") == 4, "4 images in flight before the client disconnects");
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => abandoned);
        var stats = await simulator.WaitForStatsAsync(stats => Totals(stats, "inflightImages") == 0, "the disconnected request's 4 images released");
        Assert.Equal(0, Totals(stats, "succeeded"));
        var captured = await simulator.GetJsonAsync("/_simulator/requests");
        Assert.Equal(499, captured[captured.GetArrayLength() - 1].GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task A_limit_lowered_at_run_time_applies_to_the_next_request()
    {
        await using var simulator = await SimulatorHost.StartAsync();
        await simulator.ConfigureAsync(new { inflightLimit = 2 });

        using var refused = await simulator.GenerateAsync(Images(3));
        using var accepted = await simulator.GenerateAsync(Images(2));

        await refused.AssertStatusAsync(HttpStatusCode.TooManyRequests);
        await accepted.AssertStatusAsync(HttpStatusCode.OK);
    }
}
