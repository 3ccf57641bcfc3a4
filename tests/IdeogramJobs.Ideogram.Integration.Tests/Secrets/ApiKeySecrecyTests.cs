using IdeogramJobs.Ideogram.Integration.Tests.Infrastructure;
using IdeogramJobs.Ideogram.Integration.Tests.JobTypes;
using IdeogramJobs.Ideogram.Simulator.Stats;
using IdeogramJobs.Testing.Simulator;

namespace IdeogramJobs.Ideogram.Integration.Tests.Secrets;

/// <summary>
/// The API key travels only in the Api-Key header: after successes, retried failures and refusals
/// it appears in none of the simulator's control output, neither side's logs, nor any failure.
/// </summary>
public sealed class ApiKeySecrecyTests(SimulatorFixture simulator) : IClassFixture<SimulatorFixture>, IAsyncLifetime
{
    public Task InitializeAsync() => simulator.Host.RestoreBaselineAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task The_key_never_appears_in_simulator_output_client_or_simulator_logs_or_failures()
    {
        await using var client = new ClientUnderTest(simulator.Host.BaseAddress, TestApiKeys.New());
        var failures = new List<string>();

        await client.GenerateAsync("A harbour at dawn", JobTypeDefaults.ProductMarketing);
        await simulator.Host.ConfigureAsync(new { failureRates = new { serviceUnavailable = 1.0 } });
        failures.Add((await client.GenerateExpectingFailureAsync("A harbour at dawn", JobTypeDefaults.ProductMarketing)).ToString());
        await simulator.Host.ConfigureAsync(new { failureRates = new { serviceUnavailable = 0.0 }, inflightLimit = 1 });
        failures.Add((await client.GenerateExpectingFailureAsync("A harbour at dawn", JobTypeDefaults.ProductMarketing)).ToString());
        failures.Add((await client.GenerateExpectingFailureAsync($"An {SimulatorHost.SafetyMarker} harbour", JobTypeDefaults.SocialMedia)).ToString());

        var stats = await simulator.Host.GetTextAsync("/_simulator/stats");
        var requests = await simulator.Host.GetTextAsync("/_simulator/requests");
        var config = await simulator.Host.GetTextAsync("/_simulator/config");
        var clientLogs = client.Logs.AllText;
        var simulatorLogs = simulator.Host.Logs.AllText;

        // Each place was really looked at: the key's fingerprint, its traffic and its retries are there.
        var fingerprint = KeyFingerprint.Of(client.ApiKey);
        Assert.Contains(fingerprint, stats, StringComparison.Ordinal);
        Assert.Contains(fingerprint, requests, StringComparison.Ordinal);
        Assert.Contains(fingerprint, simulatorLogs, StringComparison.Ordinal);
        Assert.Contains("Retrying in", clientLogs, StringComparison.Ordinal);
        Assert.Contains(client.Logs.Entries, e => e.Category.StartsWith("System.Net.Http.HttpClient.", StringComparison.Ordinal)
            && e.Message.Contains("Api-Key", StringComparison.Ordinal));
        Assert.All(
            new[] { stats, requests, config, clientLogs, simulatorLogs }.Concat(failures),
            text => Assert.DoesNotContain(client.ApiKey, text, StringComparison.Ordinal));
    }
}
