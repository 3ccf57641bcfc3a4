using IdeogramJobs.Storage.Sirv;
using IdeogramJobs.Storage.Tests.Support;
using IdeogramJobs.Testing;
using IdeogramJobs.Testing.Sirv;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace IdeogramJobs.Storage.Tests.Sirv;

public sealed class SirvSecretTests
{
    [Fact]
    public async Task Client_secret_and_bearer_tokens_never_reach_logs_exception_messages_or_ToString()
    {
        await using var harness = await SirvStoreHarness.StartAsync();
        harness.Host.EchoCredentialsInErrors = true;
        var texts = new List<string>();

        // Success, a revoked token (401 and refresh), a retried 503, then a 403 whose body quotes the token.
        var stored = await harness.Store.SaveAsync(SirvStoreHarness.Image(TestImages.RandomPng(seed: 1), index: 0), CancellationToken.None);
        harness.Host.RevokeIssuedTokens();
        harness.Host.ScriptUploads(new SirvScriptedAnswer(503), new SirvScriptedAnswer(403));
        var failure = await Assert.ThrowsAsync<ImageStorageException>(() => Eventually.CompletesWhileAdvancingAsync(
            harness.Store.SaveAsync(SirvStoreHarness.Image(TestImages.RandomPng(seed: 2), index: 1), CancellationToken.None),
            harness.Time, TimeSpan.FromMilliseconds(250), TimeSpan.FromMinutes(5), "the save to fail with 403"));
        texts.Add(failure.ToString());
        texts.Add(stored.ToString());

        var token = await harness.Services.GetRequiredService<SirvTokenProvider>().GetTokenAsync(CancellationToken.None);
        texts.Add(token.ToString());
        texts.Add(harness.Services.GetRequiredService<SirvTokenProvider>().ToString()!);
        texts.Add(harness.Services.GetRequiredService<IOptions<SirvOptions>>().Value.ToString());

        // Bad credentials: the host's 401 body quotes the secret that was sent.
        await using var wrong = await SirvStoreHarness.StartAsync(new Dictionary<string, string?>
        {
            [SirvOptions.ClientSecretVariable] = "wrong-secret-Hq93LmX",
        });
        wrong.Host.EchoCredentialsInErrors = true;
        var refused = await Assert.ThrowsAsync<ImageStorageException>(
            () => wrong.Store.SaveAsync(SirvStoreHarness.Image(TestImages.RandomPng()), CancellationToken.None));
        texts.Add(refused.ToString());
        texts.AddRange(harness.Logs.Entries.Select(entry => entry.FullText));
        texts.AddRange(wrong.Logs.Entries.Select(entry => entry.FullText));

        var secrets = harness.Host.IssuedTokens.Append(SirvTestHost.ClientSecret).Append("wrong-secret-Hq93LmX").ToList();
        Assert.True(harness.Host.IssuedTokens.Count >= 2, "the scenario refreshed the token at least once");
        Assert.Contains(harness.Host.ErrorBodies, body => harness.Host.IssuedTokens.Any(body.Contains));
        Assert.Contains(wrong.Host.ErrorBodies, body => body.Contains("wrong-secret-Hq93LmX"));
        Assert.Contains("[redacted]", failure.Message);
        // HttpClient's own trace logs of request headers are among the texts checked.
        Assert.Contains(harness.Logs.Entries, entry => entry.Message.Contains("Authorization: "));
        foreach (var secret in secrets)
        {
            Assert.DoesNotContain(texts, text => text.Contains(secret, StringComparison.Ordinal));
        }
    }
}
