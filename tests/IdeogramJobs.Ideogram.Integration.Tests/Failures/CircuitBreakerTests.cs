using IdeogramJobs.Contracts.Settings;
using IdeogramJobs.Ideogram.Failures;
using IdeogramJobs.Ideogram.Integration.Tests.Infrastructure;
using IdeogramJobs.Ideogram.Integration.Tests.JobTypes;
using IdeogramJobs.Testing;
using IdeogramJobs.Testing.Simulator;
using Microsoft.Extensions.Logging;

namespace IdeogramJobs.Ideogram.Integration.Tests.Failures;

/// <summary>
/// Repeated provider failures open the circuit: calls then fail fast without reaching Ideogram,
/// and once the break has passed and the provider answers again, calls flow normally.
/// </summary>
public sealed class CircuitBreakerTests(SimulatorFixture simulator) : IClassFixture<SimulatorFixture>, IAsyncLifetime
{
    private const string Prompt = "A field of sunflowers";

    public Task InitializeAsync() => simulator.Host.RestoreBaselineAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Repeated_503s_open_the_circuit_so_calls_fail_fast_unsent_until_the_break_passes_and_the_provider_recovers()
    {
        await simulator.Host.ConfigureAsync(new { failureRates = new { serviceUnavailable = 1.0 } });
        await using var client = new ClientUnderTest(simulator.Host.BaseAddress, TestApiKeys.New(), new Dictionary<string, string?>
        {
            // One attempt per call, so each call is one sample; two failed samples open the circuit.
            ["IDEOGRAM_MAX_RETRIES"] = "0",
            ["IDEOGRAM_CIRCUIT_MINIMUM_THROUGHPUT"] = "2",
            ["IDEOGRAM_CIRCUIT_FAILURE_RATIO"] = "0.5",
            ["IDEOGRAM_CIRCUIT_SAMPLING_SECONDS"] = "30",
            ["IDEOGRAM_CIRCUIT_BREAK_SECONDS"] = "1",
        });
        var settings = JobTypeDefaults.ConceptIllustration;

        Assert.Equal(IdeogramFailureKind.ProviderError, (await client.GenerateExpectingFailureAsync(Prompt, settings)).Kind);
        Assert.Equal(IdeogramFailureKind.ProviderError, (await client.GenerateExpectingFailureAsync(Prompt, settings)).Kind);

        var open = await client.GenerateExpectingFailureAsync(Prompt, settings);

        Assert.Equal(IdeogramFailureKind.CircuitOpen, open.Kind);
        Assert.True(open.IsTransient);
        Assert.NotNull(open.RetryAfter);
        Assert.True(open.RetryAfter <= TimeSpan.FromSeconds(1), $"the circuit reports a wait of {open.RetryAfter}, beyond its 1 s break");
        Assert.Equal(2, (await simulator.Host.StatsForAsync(client.ApiKey)).Requests);

        await simulator.Host.ConfigureAsync(new { failureRates = new { serviceUnavailable = 0.0 } });
        var recovered = await Eventually.Until(
            () => GenerateUnlessCircuitOpenAsync(client, settings),
            generation => generation is not null,
            TimeSpan.FromSeconds(15),
            "a call to succeed once the 1 s circuit break has passed and the simulator answers 200 again",
            every: TimeSpan.FromMilliseconds(50));

        Assert.True(Assert.Single(recovered!.Images).HasContent);
        // Every call refused while the circuit was open stayed on this side: only the probe that closed it arrived.
        Assert.Equal((3, 1), await RequestsAndSuccessesAsync(client.ApiKey));
        await client.GenerateAsync(Prompt, settings);
        Assert.Equal((4, 2), await RequestsAndSuccessesAsync(client.ApiKey));
        Assert.Contains(client.Logs.Entries, e => e.Level == LogLevel.Error && e.Message.Contains("paused", StringComparison.Ordinal));
        Assert.Contains(client.Logs.Entries, e => e.Message.Contains("circuit closed", StringComparison.Ordinal));
    }

    private static async Task<IdeogramGeneration?> GenerateUnlessCircuitOpenAsync(ClientUnderTest client, JobSettings settings)
    {
        try
        {
            return await client.GenerateAsync(Prompt, settings);
        }
        catch (IdeogramException failure) when (failure.Kind == IdeogramFailureKind.CircuitOpen)
        {
            return null;
        }
    }

    private async Task<(long Requests, long Succeeded)> RequestsAndSuccessesAsync(string apiKey)
    {
        var stats = await simulator.Host.StatsForAsync(apiKey);
        return (stats.Requests, stats.Succeeded);
    }
}
