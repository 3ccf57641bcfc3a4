using System.Net;
using System.Text.Json;
using IdeogramJobs.Ideogram.Simulator.Tests.Infrastructure;
using IdeogramJobs.Testing.Simulator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace IdeogramJobs.Ideogram.Simulator.Tests;

/// <summary>
/// Each request's latency is drawn within its rendering speed's range, from the seeded sequence. On
/// the injected clock, tests advance time instead of waiting; where they only compare the drawn
/// times (captured per request), a small real scale keeps them short.
/// </summary>
public sealed class LatencyTests
{
    private static readonly TimeSpan Step = TimeSpan.FromMilliseconds(100);

    [Theory]
    [InlineData("FLASH", 2, 4)]
    [InlineData("TURBO", 4, 8)]
    [InlineData("DEFAULT", 8, 15)]
    [InlineData("QUALITY", 15, 25)]
    public async Task A_request_answers_at_a_time_within_its_speed_s_range(string speed, int minSeconds, int maxSeconds)
    {
        var time = new FakeTimeProvider();
        await using var simulator = await SimulatorHost.StartAsync(
            options => options.LatencyScale = 1,
            services => services.AddSingleton<TimeProvider>(time));

        var pending = simulator.GenerateAsync(GenerateForm.WithPrompt().Text("rendering_speed", speed));
        await simulator.WaitForStatsAsync(stats => stats.GetProperty("totals").GetProperty("inflightImages").GetInt32() == 1, $"the {speed} request to be in flight");
        var early = TimeSpan.FromSeconds(minSeconds) - Step;
        time.Advance(early);
        var beforeMin = await simulator.GetStatsAsync();
        var (response, advanced) = await AnswerWhileAdvancingAsync(pending, time, $"the {speed} request to be answered");
        using (response)
        {
            await response.AssertStatusAsync(HttpStatusCode.OK);
        }

        Assert.Equal(0, beforeMin.GetProperty("totals").GetProperty("succeeded").GetInt32());
        var drawn = LastCapturedLatency(await simulator.GetJsonAsync("/_simulator/requests"));
        Assert.InRange(drawn, minSeconds, maxSeconds);
        Assert.True((early + advanced).TotalSeconds >= drawn, $"answered after {(early + advanced).TotalSeconds} s of a {drawn} s generation");
    }

    [Fact]
    public async Task Latencies_spread_over_the_speed_s_range_rather_than_one_fixed_time()
    {
        await using var simulator = await SimulatorHost.StartAsync(options => options.LatencyScale = 0.01);

        var latencies = await RunSequenceAsync(simulator, 20);

        Assert.All(latencies, latency => Assert.InRange(latency, 0.02, 0.04));
        Assert.True(latencies.Distinct().Count() >= 15, $"20 FLASH draws gave only {latencies.Distinct().Count()} different times: {string.Join(", ", latencies)}");
        Assert.True(latencies.Max() - latencies.Min() >= 0.01, $"20 FLASH draws covered only {latencies.Min()}-{latencies.Max()} s of 0.02-0.04 s");
    }

    [Fact]
    public async Task The_same_seed_and_request_sequence_give_the_same_latencies()
    {
        await using var simulator = await SimulatorHost.StartAsync(options => options.LatencyScale = 0.01);

        await simulator.ConfigureAsync(new { seed = 42 });
        var firstRun = await RunSequenceAsync(simulator, 8);
        await simulator.ConfigureAsync(new { seed = 42 });
        var secondRun = await RunSequenceAsync(simulator, 8);
        await simulator.ConfigureAsync(new { seed = 43 });
        var otherSeed = await RunSequenceAsync(simulator, 8);

        Assert.Equal(firstRun, secondRun);
        Assert.NotEqual(firstRun, otherSeed);
    }

    [Fact]
    public async Task Latency_scale_0_answers_without_waiting_for_the_clock()
    {
        var time = new FakeTimeProvider();
        await using var simulator = await SimulatorHost.StartAsync(
            options => options.LatencyScale = 0,
            services => services.AddSingleton<TimeProvider>(time));

        using var response = await simulator.GenerateAsync(GenerateForm.WithPrompt().Text("rendering_speed", "QUALITY"));

        await response.AssertStatusAsync(HttpStatusCode.OK);
    }

    /// <summary>The drawn latencies of <paramref name="count"/> sequential FLASH requests, in seconds.</summary>
    private static async Task<List<double>> RunSequenceAsync(SimulatorHost simulator, int count)
    {
        var latencies = new List<double>();
        for (var i = 0; i < count; i++)
        {
            using var response = await simulator.GenerateAsync(GenerateForm.WithPrompt($"request {i}").Text("rendering_speed", "FLASH"));
            await response.AssertStatusAsync(HttpStatusCode.OK);
            latencies.Add(LastCapturedLatency(await simulator.GetJsonAsync("/_simulator/requests?limit=1")));
        }
        return latencies;
    }

    private static double LastCapturedLatency(JsonElement requests) =>
        requests[requests.GetArrayLength() - 1].GetProperty("latencySeconds").GetDouble();

    // A request that read the clock just before an advance waits its full latency from the new time, so the
    // clock keeps moving in small steps until it answers; the stats read before prove it did not answer sooner.
    private static async Task<(HttpResponseMessage Response, TimeSpan Advanced)> AnswerWhileAdvancingAsync(Task<HttpResponseMessage> pending, FakeTimeProvider time, string awaited)
    {
        for (var advanced = TimeSpan.Zero; advanced < TimeSpan.FromMinutes(1); advanced += Step)
        {
            if (await Task.WhenAny(pending, Task.Delay(20)) == pending)
            {
                return (await pending, advanced);
            }
            time.Advance(Step);
        }

        throw new TimeoutException($"Waited for {awaited}: not answered after advancing the fake clock a further minute.");
    }
}
