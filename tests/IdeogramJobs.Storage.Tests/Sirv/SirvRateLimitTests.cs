using IdeogramJobs.Storage.Sirv;
using IdeogramJobs.Storage.Tests.SirvHost;
using IdeogramJobs.Storage.Tests.Support;

namespace IdeogramJobs.Storage.Tests.Sirv;

public sealed class SirvRateLimitTests
{
    [Fact]
    public async Task A_429_holds_every_upload_until_the_reset_time_and_then_they_succeed()
    {
        await using var harness = await SirvStoreHarness.StartAsync();
        var reset = SirvStoreHarness.Start + TimeSpan.FromSeconds(120);
        harness.Host.ScriptUploads(new SirvScriptedAnswer(429, reset));

        var first = harness.Store.SaveAsync(SirvStoreHarness.Image(TestImages.Png(seed: 1), index: 0), CancellationToken.None);
        await Eventually.TrueAsync(() => harness.Gate.HoldUntil == reset, "the 429 to set a hold until the reset time");
        var second = harness.Store.SaveAsync(SirvStoreHarness.Image(TestImages.Png(seed: 2), index: 1), CancellationToken.None);

        harness.Time.Advance(TimeSpan.FromSeconds(119));
        Assert.False(first.IsCompleted);
        Assert.False(second.IsCompleted);
        Assert.Single(harness.Host.Uploads);

        harness.Time.Advance(TimeSpan.FromSeconds(1));
        await Eventually.CompletesAsync(Task.WhenAll(first, second), "both saves to finish after the reset");

        var uploads = harness.Host.Uploads;
        Assert.Equal(429, uploads[0].AnsweredStatus);
        Assert.All(uploads.Skip(1), upload => Assert.True(upload.ReceivedAt >= reset, $"an upload was sent at {upload.ReceivedAt:O}, before the reset"));
        Assert.Equal(3, uploads.Count);
        Assert.Equal(2, harness.Host.Files.Count);
    }

    [Fact]
    public async Task Remaining_zero_on_a_success_holds_the_next_upload_and_a_hold_beyond_the_cap_fails_fast_as_transient()
    {
        await using var harness = await SirvStoreHarness.StartAsync();
        harness.Host.SetUploadLimitPerHour(1);

        await harness.Store.SaveAsync(SirvStoreHarness.Image(TestImages.Png(seed: 1), index: 0), CancellationToken.None);
        var reset = SirvStoreHarness.Start + TimeSpan.FromHours(1);
        Assert.Equal(reset, harness.Gate.HoldUntil);

        var failure = await Assert.ThrowsAsync<ImageStorageException>(
            () => harness.Store.SaveAsync(SirvStoreHarness.Image(TestImages.Png(seed: 2), index: 1), CancellationToken.None));

        Assert.True(failure.IsTransient);
        Assert.Equal(TimeSpan.FromHours(1), failure.RetryAfter);
        Assert.Contains(SirvOptions.RateLimitMaxWaitVariable, failure.Message);
        Assert.Contains("rate limit", failure.Message);
        Assert.Single(harness.Host.Uploads);
    }

    [Fact]
    public async Task Exhausted_global_bucket_holds_uploads_when_the_cap_allows_waiting_for_it()
    {
        await using var harness = await SirvStoreHarness.StartAsync(new Dictionary<string, string?>
        {
            [SirvOptions.RateLimitMaxWaitVariable] = "3600",
        });
        // The token request and the first upload use up both calls of the hour.
        harness.Host.SetGlobalLimitPerHour(2);
        await harness.Store.SaveAsync(SirvStoreHarness.Image(TestImages.Png(seed: 1), index: 0), CancellationToken.None);
        var reset = SirvStoreHarness.Start + TimeSpan.FromHours(1);
        Assert.Equal(reset, harness.Gate.HoldUntil);

        var second = harness.Store.SaveAsync(SirvStoreHarness.Image(TestImages.Png(seed: 2), index: 1), CancellationToken.None);
        harness.Time.Advance(TimeSpan.FromMinutes(59));
        Assert.False(second.IsCompleted);
        harness.Time.Advance(TimeSpan.FromMinutes(1));
        await Eventually.CompletesAsync(second, "the held save to finish after the global reset");

        var uploads = harness.Host.Uploads;
        Assert.Equal([200, 200], uploads.Select(upload => upload.AnsweredStatus));
        Assert.True(uploads[1].ReceivedAt >= reset);
    }
}
