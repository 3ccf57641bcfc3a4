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
        time.Advance(TimeSpan.FromMilliseconds(100));

        using var response = await pending;
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
}
