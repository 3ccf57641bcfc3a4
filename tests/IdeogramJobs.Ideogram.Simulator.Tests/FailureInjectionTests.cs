using System.Net;
using IdeogramJobs.Ideogram.Simulator.Tests.Infrastructure;
using IdeogramJobs.Testing.Simulator;

namespace IdeogramJobs.Ideogram.Simulator.Tests;

public sealed class FailureInjectionTests
{
    [Fact]
    public async Task Rate_1_for_429_always_answers_a_plain_429_with_the_configured_Retry_After()
    {
        await using var simulator = await SimulatorHost.StartAsync(options =>
        {
            options.FailureRate429 = 1.0;
            options.RetryAfterSeconds = 7;
        });

        for (var i = 0; i < 5; i++)
        {
            using var response = await simulator.GenerateAsync(GenerateForm.WithPrompt());
            var body = await response.AssertStatusAsync(HttpStatusCode.TooManyRequests);
            Assert.Equal(TimeSpan.FromSeconds(7), response.Headers.RetryAfter?.Delta);
            Assert.False(body.TryGetProperty("reject_reason", out _), "an injected 429 is not an in-flight rejection");
        }
        var stats = await simulator.GetStatsAsync();
        Assert.Equal(5, stats.GetProperty("totals").GetProperty("injected429").GetInt32());
    }

    [Fact]
    public async Task An_injected_429_has_no_Retry_After_unless_configured()
    {
        await using var simulator = await SimulatorHost.StartAsync(options => options.FailureRate429 = 1.0);

        using var response = await simulator.GenerateAsync(GenerateForm.WithPrompt());

        await response.AssertStatusAsync(HttpStatusCode.TooManyRequests);
        Assert.Null(response.Headers.RetryAfter);
    }

    [Theory]
    [InlineData("serverError", HttpStatusCode.InternalServerError)]
    [InlineData("serviceUnavailable", HttpStatusCode.ServiceUnavailable)]
    public async Task Rate_1_for_a_5xx_always_answers_it(string rate, HttpStatusCode expected)
    {
        await using var simulator = await SimulatorHost.StartAsync();
        await simulator.ConfigureAsync(new { failureRates = new Dictionary<string, double> { [rate] = 1.0 } });

        for (var i = 0; i < 5; i++)
        {
            using var response = await simulator.GenerateAsync(GenerateForm.WithPrompt());
            var body = await response.AssertStatusAsync(expected);
            Assert.False(string.IsNullOrEmpty(body.GetProperty("error").GetString()));
        }
        var stats = await simulator.GetStatsAsync();
        Assert.Equal(5, stats.GetProperty("totals").GetProperty("injected5xx").GetInt32());
        Assert.Equal(0, stats.GetProperty("totals").GetProperty("inflightImages").GetInt32());
    }

    [Fact]
    public async Task Validation_comes_before_injected_failures()
    {
        await using var simulator = await SimulatorHost.StartAsync(options => options.FailureRate500 = 1.0);

        using var response = await simulator.GenerateAsync(GenerateForm.WithPrompt().Text("aspect_ratio", "16:9"));

        await response.AssertBadRequestNamingAsync("aspect_ratio");
    }

    [Fact]
    public async Task A_hang_holds_the_request_and_its_units_until_hang_seconds_runs_out()
    {
        await using var simulator = await SimulatorHost.StartAsync(options => options.FailureRateHang = 1.0);

        var hanging = simulator.GenerateAsync(GenerateForm.WithPrompt().Text("num_images", "3"));
        var stats = await simulator.WaitForStatsAsync(
            stats => stats.GetProperty("totals").GetProperty("hangs").GetInt32() == 1, "the request to be hanging");
        Assert.Equal(3, stats.GetProperty("totals").GetProperty("inflightImages").GetInt32());
        Assert.False(hanging.IsCompleted, "a hanging request answered before its hang time was shortened");

        await simulator.ConfigureAsync(new { hangSeconds = 0 });

        using var response = await hanging;
        await response.AssertStatusAsync(HttpStatusCode.GatewayTimeout);
        await simulator.WaitForStatsAsync(stats => stats.GetProperty("totals").GetProperty("inflightImages").GetInt32() == 0, "the hung request's units released");
    }

    [Fact]
    public async Task The_same_seed_and_request_sequence_give_the_same_outcomes()
    {
        await using var simulator = await SimulatorHost.StartAsync(options =>
        {
            options.FailureRate429 = 0.25;
            options.FailureRate500 = 0.2;
            options.FailureRate503 = 0.15;
        });

        await simulator.ConfigureAsync(new { seed = 42 });
        var firstRun = await RunSequenceAsync(simulator);
        await simulator.ConfigureAsync(new { seed = 42 });
        var secondRun = await RunSequenceAsync(simulator);
        await simulator.ConfigureAsync(new { seed = 43 });
        var otherSeed = await RunSequenceAsync(simulator);

        Assert.Equal(firstRun, secondRun);
        Assert.True(firstRun.Select(outcome => outcome.Split(':')[0]).Distinct().Count() >= 3, $"the sequence mixes too few outcomes: {string.Join(", ", firstRun)}");
        Assert.NotEqual(firstRun, otherSeed);
    }

    [Fact]
    public async Task Reset_restarts_the_sequence_from_the_configured_seed()
    {
        await using var simulator = await SimulatorHost.StartAsync(options =>
        {
            options.Seed = 9;
            options.FailureRate503 = 0.5;
        });

        var firstRun = await RunSequenceAsync(simulator);
        await simulator.ResetAsync();
        var afterReset = await RunSequenceAsync(simulator);

        Assert.Equal(firstRun, afterReset);
    }

    /// <summary>Twenty sequential requests; each outcome is the status, plus the first seed for a 200.</summary>
    private static async Task<List<string>> RunSequenceAsync(SimulatorHost simulator)
    {
        var outcomes = new List<string>();
        for (var i = 0; i < 20; i++)
        {
            using var response = await simulator.GenerateAsync(GenerateForm.WithPrompt($"request {i}").Text("num_images", "2"));
            var outcome = ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (response.StatusCode == HttpStatusCode.OK)
            {
                outcome += ":" + (await response.ReadJsonAsync()).GetProperty("data")[0].GetProperty("seed").GetInt32();
            }
            outcomes.Add(outcome);
        }
        return outcomes;
    }
}
