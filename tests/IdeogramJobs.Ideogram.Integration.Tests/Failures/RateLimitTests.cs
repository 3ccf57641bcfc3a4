using System.Net;
using IdeogramJobs.Ideogram.Failures;
using IdeogramJobs.Ideogram.Integration.Tests.Infrastructure;
using IdeogramJobs.Ideogram.Integration.Tests.JobTypes;
using IdeogramJobs.Testing.Simulator;

namespace IdeogramJobs.Ideogram.Integration.Tests.Failures;

/// <summary>
/// 429s are transient: the client retries them (honouring Retry-After when it fits within
/// IDEOGRAM_MAX_RETRY_DELAY_SECONDS) and, once retries are spent, reports RateLimited with the wait.
/// </summary>
public sealed class RateLimitTests(SimulatorFixture simulator) : IClassFixture<SimulatorFixture>, IAsyncLifetime
{
    private const int Attempts = ClientUnderTest.MaxRetries + 1;

    public Task InitializeAsync() => simulator.Host.RestoreBaselineAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task More_images_than_the_inflight_limit_fail_as_RateLimited_after_every_retry()
    {
        await simulator.Host.ConfigureAsync(new { inflightLimit = 2 });
        await using var client = new ClientUnderTest(simulator.Host.BaseAddress, TestApiKeys.New());

        // product_marketing asks for 4 images at once.
        var failure = await client.GenerateExpectingFailureAsync("A product shot of headphones", JobTypeDefaults.ProductMarketing);

        Assert.Equal(IdeogramFailureKind.RateLimited, failure.Kind);
        Assert.True(failure.IsTransient);
        Assert.Equal(HttpStatusCode.TooManyRequests, failure.StatusCode);
        Assert.Contains("inflight_limit", failure.ProviderMessage, StringComparison.Ordinal);
        var stats = await simulator.Host.StatsForAsync(client.ApiKey);
        Assert.Equal((Attempts, Attempts, 0), (stats.Requests, stats.RejectedInflight, stats.Succeeded));
    }

    [Fact]
    public async Task An_injected_429_is_retried_after_its_Retry_After_and_reported_with_it_once_retries_are_spent()
    {
        await simulator.Host.ConfigureAsync(new { failureRates = new { rateLimited = 1.0 }, retryAfterSeconds = 1 });
        await using var client = new ClientUnderTest(simulator.Host.BaseAddress, TestApiKeys.New());

        var failure = await client.GenerateExpectingFailureAsync("A bowl of ramen", JobTypeDefaults.ConceptIllustration);

        Assert.Equal(IdeogramFailureKind.RateLimited, failure.Kind);
        Assert.True(failure.IsTransient);
        Assert.Equal(TimeSpan.FromSeconds(1), failure.RetryAfter);
        var stats = await simulator.Host.StatsForAsync(client.ApiKey);
        Assert.Equal((Attempts, Attempts), (stats.Requests, stats.Injected429));
        var retryDelays = client.Logs.Entries.Where(e => e.Values.ContainsKey("RetryDelay")).Select(e => e.Values["RetryDelay"]).ToList();
        Assert.Equal(Enumerable.Repeat<object?>(TimeSpan.FromSeconds(1), ClientUnderTest.MaxRetries), retryDelays);
    }

    [Fact]
    public async Task A_Retry_After_beyond_the_longest_retry_delay_is_reported_at_once_for_the_caller_to_schedule()
    {
        await simulator.Host.ConfigureAsync(new { failureRates = new { rateLimited = 1.0 }, retryAfterSeconds = 30 });
        await using var client = new ClientUnderTest(simulator.Host.BaseAddress, TestApiKeys.New(),
            new Dictionary<string, string?> { ["IDEOGRAM_MAX_RETRY_DELAY_SECONDS"] = "5" });

        var failure = await client.GenerateExpectingFailureAsync("A bowl of ramen", JobTypeDefaults.ConceptIllustration);

        Assert.Equal(IdeogramFailureKind.RateLimited, failure.Kind);
        Assert.Equal(TimeSpan.FromSeconds(30), failure.RetryAfter);
        Assert.Equal(1, (await simulator.Host.StatsForAsync(client.ApiKey)).Requests);
    }

    [Fact]
    public async Task A_429_followed_by_a_success_returns_the_images_of_the_retry()
    {
        // The simulator's outcomes follow its seed in arrival order; find a seed whose sequence
        // starts 429 then 200, then restart that sequence for the client.
        var seed = await FindSeedStartingWithRateLimitThenSuccessAsync();
        await simulator.Host.ConfigureAsync(new { seed, retryAfterSeconds = 1 });
        await simulator.Host.ResetAsync();
        await using var client = new ClientUnderTest(simulator.Host.BaseAddress, TestApiKeys.New());

        var generation = await client.GenerateAsync("A bowl of ramen", JobTypeDefaults.ConceptIllustration);

        Assert.True(Assert.Single(generation.Images).HasContent);
        var stats = await simulator.Host.StatsForAsync(client.ApiKey);
        Assert.Equal((2, 1, 1), (stats.Requests, stats.Injected429, stats.Succeeded));
        Assert.Equal([429, 200], (await simulator.Host.RequestsFromAsync(client.ApiKey)).Select(r => r.Status));
    }

    private async Task<int> FindSeedStartingWithRateLimitThenSuccessAsync()
    {
        var probeKey = TestApiKeys.New();
        for (var seed = 1; seed <= 50; seed++)
        {
            // Setting the seed restarts the sequence.
            await simulator.Host.ConfigureAsync(new { seed, failureRates = new { rateLimited = 0.5 } });
            if (await simulator.Host.SendProbeAsync(probeKey) == HttpStatusCode.TooManyRequests
                && await simulator.Host.SendProbeAsync(probeKey) == HttpStatusCode.OK)
            {
                return seed;
            }
        }

        Assert.Fail("No seed from 1 to 50 makes the simulator answer 429 then 200 at a 429 rate of 0.5.");
        return 0;
    }
}
