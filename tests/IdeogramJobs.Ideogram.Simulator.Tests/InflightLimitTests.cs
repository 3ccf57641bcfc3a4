using System.Net;
using System.Text.Json;
using IdeogramJobs.Ideogram.Simulator.Tests.Infrastructure;
using IdeogramJobs.Testing.Simulator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace IdeogramJobs.Ideogram.Simulator.Tests;

/// <summary>
/// The in-flight limit counts images per key. Requests are held open by a long latency (FLASH 2-4 s
/// times 1000, or the injected clock) and released by setting the latency scale to 0, which
/// re-evaluates waiting requests, or by advancing the clock.
/// </summary>
public sealed class InflightLimitTests
{
    private static GenerateForm Images(int count, string prompt = "a lighthouse at dusk") =>
        GenerateForm.WithPrompt(prompt).Text("rendering_speed", "FLASH").Text("num_images", count.ToString(System.Globalization.CultureInfo.InvariantCulture));

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
    public async Task A_generation_whose_client_disconnects_keeps_its_units_until_its_time_is_up_and_is_billed()
    {
        var time = new FakeTimeProvider();
        await using var simulator = await SimulatorHost.StartAsync(
            options => options.LatencyScale = 1,
            services => services.AddSingleton<TimeProvider>(time));
        using var cancel = new CancellationTokenSource();

        var abandoned = simulator.GenerateAsync(Images(4, "an abandoned lighthouse"), cancellationToken: cancel.Token);
        await simulator.WaitForStatsAsync(stats => Totals(stats, "inflightImages") == 4, "4 images in flight before the client disconnects");
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => abandoned);
        var left = await simulator.WaitForStatsAsync(stats => Totals(stats, "abandoned") == 1, "the disconnect to be counted as abandoned");

        using var overLimit = await simulator.GenerateAsync(Images(8));
        var rejection = await overLimit.AssertStatusAsync(HttpStatusCode.TooManyRequests);
        Assert.Equal("inflight_limit", rejection.GetProperty("reject_reason").GetString());
        Assert.Equal((4, 0), (Totals(left, "inflightImages"), Totals(left, "succeeded")));
        var captured = await simulator.GetJsonAsync("/_simulator/requests");
        Assert.Contains(499, captured.EnumerateArray().Select(request => request.GetProperty("status").GetInt32()));

        // FLASH takes at most 4 s: by then the generation has ended on its own.
        var finished = await AdvanceUntilAsync(simulator, time, stats => Totals(stats, "inflightImages") == 0, "the abandoned generation to end and release its 4 images");
        Assert.Equal((1, 4, 1, 1), (Totals(finished, "succeeded"), Totals(finished, "images"), Totals(finished, "abandoned"), Totals(finished, "rejectedInflight")));
        var billed = await simulator.GetJsonAsync("/_simulator/stats/prompts");
        Assert.Equal(1, billed.GetProperty("an abandoned lighthouse").GetInt32());
    }

    [Fact]
    public async Task A_hanging_request_whose_client_disconnects_releases_its_units_at_once_unbilled()
    {
        await using var simulator = await SimulatorHost.StartAsync(options => options.FailureRateHang = 1.0);
        using var cancel = new CancellationTokenSource();

        var hanging = simulator.GenerateAsync(Images(3), cancellationToken: cancel.Token);
        await simulator.WaitForStatsAsync(stats => Totals(stats, "hangs") == 1, "the request to be hanging");
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => hanging);
        var stats = await simulator.WaitForStatsAsync(stats => Totals(stats, "inflightImages") == 0, "the hanging request's 3 images released");
        Assert.Equal((0, 0), (Totals(stats, "succeeded"), Totals(stats, "abandoned")));
    }

    private static async Task<JsonElement> AdvanceUntilAsync(SimulatorHost simulator, FakeTimeProvider time, Func<JsonElement, bool> condition, string awaited)
    {
        var step = TimeSpan.FromMilliseconds(100);
        for (var advanced = TimeSpan.Zero; advanced < TimeSpan.FromMinutes(1); advanced += step)
        {
            var stats = await simulator.GetStatsAsync();
            if (condition(stats))
            {
                return stats;
            }
            time.Advance(step);
            await Task.Delay(10);
        }

        throw new TimeoutException($"Waited for {awaited}: not reached after advancing the fake clock a minute.");
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
