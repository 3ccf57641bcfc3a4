using System.Net;
using System.Net.Sockets;
using IdeogramJobs.Ideogram.Failures;
using IdeogramJobs.Ideogram.Integration.Tests.Infrastructure;
using IdeogramJobs.Ideogram.Integration.Tests.JobTypes;
using IdeogramJobs.Ideogram.Simulator.Endpoints;
using IdeogramJobs.Testing;
using IdeogramJobs.Testing.Simulator;

namespace IdeogramJobs.Ideogram.Integration.Tests.Failures;

/// <summary>
/// Failures on the provider's side (5xx, no answer in time, nobody listening) are transient: the
/// client retries them IDEOGRAM_MAX_RETRIES times, as the simulator's own counters confirm.
/// </summary>
public sealed class ProviderErrorTests(SimulatorFixture simulator) : IClassFixture<SimulatorFixture>, IAsyncLifetime
{
    private const int Attempts = ClientUnderTest.MaxRetries + 1;

    public Task InitializeAsync() => simulator.Host.RestoreBaselineAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData(500, "serverError")]
    [InlineData(503, "serviceUnavailable")]
    public async Task A_server_error_is_retried_the_configured_number_of_times_then_fails_as_ProviderError(int status, string failureRate)
    {
        await simulator.Host.ConfigureAsync(new { failureRates = new Dictionary<string, double> { [failureRate] = 1.0 } });
        await using var client = new ClientUnderTest(simulator.Host.BaseAddress, TestApiKeys.New());

        var failure = await client.GenerateExpectingFailureAsync("A mountain lake", JobTypeDefaults.BlogHeader);

        Assert.Equal(IdeogramFailureKind.ProviderError, failure.Kind);
        Assert.True(failure.IsTransient);
        Assert.Equal((HttpStatusCode)status, failure.StatusCode);
        var stats = await simulator.Host.StatsForAsync(client.ApiKey);
        Assert.Equal((Attempts, Attempts, 0), (stats.Requests, stats.Injected5xx, stats.Succeeded));
        Assert.Equal(Enumerable.Repeat(status, Attempts), (await simulator.Host.RequestsFromAsync(client.ApiKey)).Select(r => r.Status));
    }

    [Fact]
    public async Task A_request_held_past_the_attempt_timeout_fails_as_Timeout_and_the_simulator_sees_the_client_leave()
    {
        await simulator.Host.ConfigureAsync(new { failureRates = new { hang = 1.0 } });
        await using var client = new ClientUnderTest(simulator.Host.BaseAddress, TestApiKeys.New(), new Dictionary<string, string?>
        {
            ["IDEOGRAM_ATTEMPT_TIMEOUT_SECONDS"] = "1",
            ["IDEOGRAM_MAX_RETRIES"] = "1",
        });

        var failure = await client.GenerateExpectingFailureAsync("A mountain lake", JobTypeDefaults.BlogHeader);

        Assert.Equal(IdeogramFailureKind.Timeout, failure.Kind);
        Assert.True(failure.IsTransient);
        Assert.Contains("IDEOGRAM_ATTEMPT_TIMEOUT_SECONDS", failure.Message, StringComparison.Ordinal);
        // The simulator records a request once the client's disconnect reaches it.
        var captured = await Eventually.Until(
            () => simulator.Host.RequestsFromAsync(client.ApiKey),
            requests => requests.Count == 2,
            TimeSpan.FromSeconds(10),
            "the simulator to record both abandoned attempts",
            every: TimeSpan.FromMilliseconds(50));
        Assert.All(captured, r => Assert.Equal(GenerateHandler.ClientClosedRequest, r.Status));
        Assert.Equal(2, (await simulator.Host.StatsForAsync(client.ApiKey)).Hangs);
    }

    [Fact]
    public async Task A_closed_port_fails_as_Unreachable_naming_the_address()
    {
        var closedPort = ClosedLoopbackPort();
        await using var client = new ClientUnderTest(new Uri($"http://127.0.0.1:{closedPort}/"), TestApiKeys.New());

        var failure = await client.GenerateExpectingFailureAsync("A mountain lake", JobTypeDefaults.BlogHeader);

        Assert.Equal(IdeogramFailureKind.Unreachable, failure.Kind);
        Assert.True(failure.IsTransient);
        Assert.Null(failure.StatusCode);
        Assert.Contains($"127.0.0.1:{closedPort}", failure.Message, StringComparison.Ordinal);
    }

    /// <summary>A loopback port that was just free and is closed again, so connecting to it is refused.</summary>
    private static int ClosedLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
