using System.Net;
using IdeogramJobs.Ideogram.Failures;
using IdeogramJobs.Ideogram.Integration.Tests.Infrastructure;
using IdeogramJobs.Ideogram.Integration.Tests.JobTypes;

namespace IdeogramJobs.Ideogram.Integration.Tests.Failures;

/// <summary>
/// A key the provider refuses is a permanent failure. The client's own validation is at least as
/// strict as the simulator's body rules, so no settings the client sends reach a 400; the
/// simulator's key allow-list stands in as the permanent refusal from the provider's side.
/// </summary>
public sealed class UnauthorizedKeyTests(KeyAllowListSimulatorFixture simulator) : IClassFixture<KeyAllowListSimulatorFixture>, IAsyncLifetime
{
    public Task InitializeAsync() => simulator.Host.RestoreBaselineAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_refused_key_fails_as_Unauthorized_naming_IDEOGRAM_API_KEY_and_is_not_retried()
    {
        await using var client = new ClientUnderTest(simulator.Host.BaseAddress, TestApiKeys.New());

        var failure = await client.GenerateExpectingFailureAsync("A lighthouse at dusk", JobTypeDefaults.BlogHeader);

        Assert.Equal(IdeogramFailureKind.Unauthorized, failure.Kind);
        Assert.False(failure.IsTransient);
        Assert.Equal(HttpStatusCode.Unauthorized, failure.StatusCode);
        Assert.Contains("IDEOGRAM_API_KEY", failure.Message, StringComparison.Ordinal);
        var captured = Assert.Single(await simulator.Host.RequestsFromAsync(client.ApiKey));
        Assert.Equal(401, captured.Status);
    }

    [Fact]
    public async Task The_allow_listed_key_generates()
    {
        await using var client = new ClientUnderTest(simulator.Host.BaseAddress, simulator.AllowedKey);

        var generation = await client.GenerateAsync("A lighthouse at dusk", JobTypeDefaults.BlogHeader);

        Assert.Equal(2, generation.Images.Count(i => i.HasContent));
        Assert.Equal(200, Assert.Single(await simulator.Host.RequestsFromAsync(client.ApiKey)).Status);
    }
}
