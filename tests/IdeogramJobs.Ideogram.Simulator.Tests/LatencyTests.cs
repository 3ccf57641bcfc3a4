using System.Net;
using IdeogramJobs.Ideogram.Simulator.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace IdeogramJobs.Ideogram.Simulator.Tests;

/// <summary>Latency follows the rendering speed on the injected clock, so tests advance time instead of waiting.</summary>
public sealed class LatencyTests
{
    [Theory]
    [InlineData("FLASH", 3)]
    [InlineData("QUALITY", 20)]
    public async Task A_request_answers_once_its_speed_s_latency_has_passed(string speed, int seconds)
    {
        var time = new FakeTimeProvider();
        await using var simulator = await SimulatorHost.StartAsync(
            options => options.LatencyScale = 1,
            services => services.AddSingleton<TimeProvider>(time));

        var pending = simulator.GenerateAsync(GenerateForm.WithPrompt().Text("rendering_speed", speed));
        await simulator.WaitForStatsAsync(stats => stats.GetProperty("totals").GetProperty("inflightImages").GetInt32() == 1, $"the {speed} request to be in flight");
        time.Advance(TimeSpan.FromSeconds(seconds) - TimeSpan.FromMilliseconds(100));
        var early = await simulator.GetStatsAsync();
        using var response = await AnswerWhileAdvancingAsync(pending, time, $"the {speed} request to be answered");
        await response.AssertStatusAsync(HttpStatusCode.OK);
        Assert.Equal(0, early.GetProperty("totals").GetProperty("succeeded").GetInt32());
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

    // A request that read the clock just before an advance waits its full latency from the new time, so the
    // clock keeps moving in small steps until it answers; the early stats prove it did not answer sooner.
    private static async Task<HttpResponseMessage> AnswerWhileAdvancingAsync(Task<HttpResponseMessage> pending, FakeTimeProvider time, string awaited)
    {
        var step = TimeSpan.FromMilliseconds(100);
        for (var advanced = TimeSpan.Zero; advanced < TimeSpan.FromMinutes(1); advanced += step)
        {
            time.Advance(step);
            if (await Task.WhenAny(pending, Task.Delay(20)) == pending)
            {
                return await pending;
            }
        }

        throw new TimeoutException($"Waited for {awaited}: not answered after advancing the fake clock a further minute.");
    }
}
