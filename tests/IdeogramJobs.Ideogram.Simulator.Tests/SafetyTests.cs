using System.Net;
using IdeogramJobs.Ideogram.Simulator.Tests.Infrastructure;
using IdeogramJobs.Testing.Simulator;

namespace IdeogramJobs.Ideogram.Simulator.Tests;

public sealed class SafetyTests
{
    [Fact]
    public async Task Answers_422_with_an_error_body_when_the_prompt_contains_the_default_marker()
    {
        await using var simulator = await SimulatorHost.StartAsync();

        using var response = await simulator.GenerateAsync(GenerateForm.WithPrompt("a perfectly unsafe scene"));

        var body = await response.AssertStatusAsync(HttpStatusCode.UnprocessableEntity);
        Assert.False(string.IsNullOrEmpty(body.GetProperty("error").GetString()));
        var stats = await simulator.GetStatsAsync();
        Assert.Equal(1, stats.GetProperty("totals").GetProperty("rejected422").GetInt32());
    }

    [Fact]
    public async Task Uses_the_configured_marker_instead_of_the_default()
    {
        await using var simulator = await SimulatorHost.StartAsync(options => options.SafetyMarker = "FORBIDDEN");

        using var marked = await simulator.GenerateAsync(GenerateForm.WithPrompt("something FORBIDDEN here"));
        using var oldMarker = await simulator.GenerateAsync(GenerateForm.WithPrompt("UNSAFE is now fine"));

        await marked.AssertStatusAsync(HttpStatusCode.UnprocessableEntity);
        await oldMarker.AssertStatusAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Validates_the_body_before_the_safety_check()
    {
        await using var simulator = await SimulatorHost.StartAsync();

        using var response = await simulator.GenerateAsync(GenerateForm.WithPrompt("UNSAFE").Text("num_images", "12"));

        await response.AssertBadRequestNamingAsync("num_images");
    }

    [Fact]
    public async Task A_marker_changed_at_run_time_applies_to_the_next_request()
    {
        await using var simulator = await SimulatorHost.StartAsync();
        await simulator.ConfigureAsync(new { safetyMarker = "BANNED" });

        using var response = await simulator.GenerateAsync(GenerateForm.WithPrompt("a BANNED thing"));

        await response.AssertStatusAsync(HttpStatusCode.UnprocessableEntity);
    }
}
