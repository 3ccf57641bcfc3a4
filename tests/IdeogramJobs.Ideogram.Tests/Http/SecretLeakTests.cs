using IdeogramJobs.Contracts.Settings;
using IdeogramJobs.Ideogram.Failures;
using IdeogramJobs.Ideogram.Tests.Infrastructure;

namespace IdeogramJobs.Ideogram.Tests.Http;

/// <summary>The API key never shows in exception messages or in anything logged, at any level.</summary>
public sealed class SecretLeakTests : IAsyncLifetime
{
    private ScriptedIdeogramHost host = null!;
    private IdeogramClientHarness harness = null!;

    public async Task InitializeAsync()
    {
        host = await ScriptedIdeogramHost.StartAsync();
        harness = new IdeogramClientHarness(host.BaseUrl, new Dictionary<string, string?> { ["IDEOGRAM_MAX_RETRIES"] = "2" });
    }

    public async Task DisposeAsync()
    {
        await harness.DisposeAsync();
        await host.DisposeAsync();
    }

    private Task<IdeogramGeneration> Generate() =>
        harness.Client.GenerateAsync(new IdeogramGenerateRequest("p", new JobSettings()), CancellationToken.None);

    [Fact]
    public async Task Redacts_the_key_when_the_provider_echoes_it_in_an_error()
    {
        host.ThenGenerate(GenerateScript.Json(401, $$"""{"error":"Invalid API key {{IdeogramClientHarness.ApiKey}}"}"""));

        var failure = await Await.ThrowsWithin<IdeogramException>(Generate(), "the 401");

        Assert.Equal(IdeogramFailureKind.Unauthorized, failure.Kind);
        Assert.Contains("Invalid API key [redacted]", failure.Message);
        Assert.DoesNotContain(IdeogramClientHarness.ApiKey, failure.ToString());
        Assert.DoesNotContain(IdeogramClientHarness.ApiKey, failure.ProviderMessage);
    }

    [Fact]
    public async Task Logs_retries_and_http_traffic_at_trace_level_without_the_key()
    {
        var echo = $$"""{"error":"key {{IdeogramClientHarness.ApiKey}} is overloaded"}""";
        host.ThenGenerate(GenerateScript.Json(503, echo), GenerateScript.Json(503, echo), GenerateScript.Success("one"));

        await Await.Within(Generate(), "the generation");
        host.ThenGenerate(GenerateScript.Json(503, echo), GenerateScript.Json(503, echo), GenerateScript.Json(503, echo));
        var failure = await Await.ThrowsWithin<IdeogramException>(Generate(), "the failing generation");

        var logs = harness.Logs.AllText;
        Assert.Contains("Retrying in", logs);
        Assert.Contains("[redacted]", logs);
        Assert.Contains(harness.Logs.Entries, e => e.Category.StartsWith("System.Net.Http.HttpClient.IdeogramJobs.Ideogram.Generate", StringComparison.Ordinal)
            && e.Message.Contains("Api-Key", StringComparison.Ordinal));
        Assert.DoesNotContain(IdeogramClientHarness.ApiKey, logs);
        Assert.DoesNotContain(IdeogramClientHarness.ApiKey, failure.ToString());
    }
}
