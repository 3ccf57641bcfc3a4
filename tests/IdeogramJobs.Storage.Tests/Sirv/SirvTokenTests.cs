using IdeogramJobs.Storage.Sirv;
using IdeogramJobs.Storage.Tests.Support;
using IdeogramJobs.Testing;
using IdeogramJobs.Testing.Sirv;
using Microsoft.Extensions.DependencyInjection;

namespace IdeogramJobs.Storage.Tests.Sirv;

public sealed class SirvTokenTests
{
    [Fact]
    public async Task Token_is_fetched_once_and_reused_for_later_uploads()
    {
        await using var harness = await SirvStoreHarness.StartAsync();

        for (var index = 0; index < 3; index++)
        {
            await harness.Store.SaveAsync(SirvStoreHarness.Image(TestImages.RandomPng(seed: index), index: index), CancellationToken.None);
        }

        Assert.Equal(1, harness.Host.TokenRequests);
        Assert.Equal(3, harness.Host.Uploads.Count);
        Assert.All(harness.Host.Uploads, upload => Assert.Equal(harness.Host.IssuedTokens[0], upload.BearerToken));
        Assert.All(harness.Host.Uploads, upload => Assert.Equal(200, upload.AnsweredStatus));
    }

    [Fact]
    public async Task Token_is_refreshed_60_seconds_before_it_expires_and_not_earlier()
    {
        await using var harness = await SirvStoreHarness.StartAsync();
        await harness.Store.SaveAsync(SirvStoreHarness.Image(TestImages.RandomPng(seed: 1), index: 0), CancellationToken.None);

        harness.Time.Advance(TimeSpan.FromSeconds(1200 - 61));
        await harness.Store.SaveAsync(SirvStoreHarness.Image(TestImages.RandomPng(seed: 2), index: 1), CancellationToken.None);
        Assert.Equal(1, harness.Host.TokenRequests);

        harness.Time.Advance(TimeSpan.FromSeconds(2));
        await harness.Store.SaveAsync(SirvStoreHarness.Image(TestImages.RandomPng(seed: 3), index: 2), CancellationToken.None);

        Assert.Equal(2, harness.Host.TokenRequests);
        Assert.Equal(harness.Host.IssuedTokens[1], harness.Host.Uploads[^1].BearerToken);
        Assert.All(harness.Host.Uploads, upload => Assert.Equal(200, upload.AnsweredStatus));
    }

    [Fact]
    public async Task Concurrent_uploads_wait_for_a_single_token_request()
    {
        await using var harness = await SirvStoreHarness.StartAsync();
        harness.Host.HoldTokenResponses();

        var saves = Enumerable.Range(0, 8)
            .Select(index => harness.Store.SaveAsync(SirvStoreHarness.Image(TestImages.RandomPng(seed: index), index: index), CancellationToken.None))
            .ToList();
        await Eventually.TrueAsync(() => harness.Host.TokenRequests >= 1, "the first token request to reach the host");
        harness.Host.ReleaseTokenResponses();
        await Eventually.CompletesAsync(Task.WhenAll(saves), "the eight concurrent saves");

        Assert.Equal(1, harness.Host.TokenRequests);
        Assert.Equal(8, harness.Host.Files.Count);
    }

    [Fact]
    public async Task Revoked_token_is_replaced_once_and_the_upload_repeated()
    {
        await using var harness = await SirvStoreHarness.StartAsync();
        await harness.Store.SaveAsync(SirvStoreHarness.Image(TestImages.RandomPng(seed: 1), index: 0), CancellationToken.None);
        harness.Host.RevokeIssuedTokens();

        var stored = await harness.Store.SaveAsync(SirvStoreHarness.Image(TestImages.RandomPng(seed: 2), index: 1), CancellationToken.None);

        Assert.Equal(2, harness.Host.TokenRequests);
        Assert.Equal([200, 401, 200], harness.Host.Uploads.Select(upload => upload.AnsweredStatus));
        Assert.Equal(harness.Host.IssuedTokens[1], harness.Host.Uploads[^1].BearerToken);
        Assert.True(harness.Host.Files.ContainsKey(stored.StoragePath));
    }

    [Fact]
    public async Task Token_rejected_again_after_one_refresh_fails_permanently_without_looping()
    {
        await using var harness = await SirvStoreHarness.StartAsync();
        harness.Host.RejectAllTokens = true;

        var failure = await Assert.ThrowsAsync<ImageStorageException>(
            () => harness.Store.SaveAsync(SirvStoreHarness.Image(TestImages.RandomPng()), CancellationToken.None));

        Assert.False(failure.IsTransient);
        Assert.Contains("401", failure.Message);
        Assert.Equal(2, harness.Host.TokenRequests);
        Assert.Equal(2, harness.Host.Uploads.Count);
    }

    [Fact]
    public async Task Wrong_credentials_fail_permanently_naming_the_variables_to_check()
    {
        await using var harness = await SirvStoreHarness.StartAsync(new Dictionary<string, string?>
        {
            [SirvOptions.ClientSecretVariable] = "not-the-right-secret",
        });

        var failure = await Assert.ThrowsAsync<ImageStorageException>(
            () => harness.Store.SaveAsync(SirvStoreHarness.Image(TestImages.RandomPng()), CancellationToken.None));

        Assert.False(failure.IsTransient);
        Assert.Contains(SirvOptions.ClientIdVariable, failure.Message);
        Assert.Contains(SirvOptions.ClientSecretVariable, failure.Message);
        Assert.Empty(harness.Host.Uploads);
    }

    [Fact]
    public async Task Token_request_sends_only_client_id_and_secret_as_json()
    {
        await using var harness = await SirvStoreHarness.StartAsync();

        var token = await harness.Services.GetRequiredService<SirvTokenProvider>().GetTokenAsync(CancellationToken.None);

        // The host answers 400 to any other property or a non-JSON body, so a token proves the request shape.
        Assert.Equal(harness.Host.IssuedTokens.Single(), token.Value);
        Assert.DoesNotContain(token.Value, token.ToString());
    }
}
