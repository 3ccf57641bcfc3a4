using System.Net;
using IdeogramJobs.Ideogram.Failures;
using IdeogramJobs.Ideogram.Integration.Tests.Infrastructure;
using IdeogramJobs.Ideogram.Integration.Tests.JobTypes;
using IdeogramJobs.Testing.Simulator;

namespace IdeogramJobs.Ideogram.Integration.Tests.Failures;

/// <summary>A prompt refused by the provider's safety check (422) is permanent: sending it again would be refused again.</summary>
public sealed class SafetyRejectionTests(SimulatorFixture simulator) : IClassFixture<SimulatorFixture>, IAsyncLifetime
{
    public Task InitializeAsync() => simulator.Host.RestoreBaselineAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_prompt_failing_the_safety_check_fails_as_SafetyRejected_after_one_request()
    {
        await using var client = new ClientUnderTest(simulator.Host.BaseAddress, TestApiKeys.New());

        var failure = await client.GenerateExpectingFailureAsync($"A poster that is {SimulatorHost.SafetyMarker} for work", JobTypeDefaults.SocialMedia);

        Assert.Equal(IdeogramFailureKind.SafetyRejected, failure.Kind);
        Assert.False(failure.IsTransient);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, failure.StatusCode);
        Assert.False(string.IsNullOrWhiteSpace(failure.ProviderMessage), "the provider's reason is not passed on");
        var stats = await simulator.Host.StatsForAsync(client.ApiKey);
        Assert.Equal((1, 1, 0), (stats.Requests, stats.Rejected422, stats.Succeeded));
    }
}
