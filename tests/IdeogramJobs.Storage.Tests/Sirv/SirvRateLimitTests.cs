using IdeogramJobs.Storage.Sirv;
using IdeogramJobs.Storage.Tests.Support;
using IdeogramJobs.Testing;
using IdeogramJobs.Testing.Sirv;

namespace IdeogramJobs.Storage.Tests.Sirv;

public sealed class SirvRateLimitTests
{
    [Fact]
    public async Task A_429_holds_every_upload_until_the_reset_time_and_then_they_succeed()
    {
        await using var harness = await SirvStoreHarness.StartAsync();
        var reset = SirvStoreHarness.Start + TimeSpan.FromSeconds(120);
        harness.Host.ScriptUploads(new SirvScriptedAnswer(429, reset));

        var first = harness.Store.SaveAsync(SirvStoreHarness.Image(TestImages.RandomPng(seed: 1), index: 0), CancellationToken.None);
        await Eventually.TrueAsync(() => harness.Gate.HoldUntil == reset, "the 429 to set a hold until the reset time");
        var second = harness.Store.SaveAsync(SirvStoreHarness.Image(TestImages.RandomPng(seed: 2), index: 1), CancellationToken.None);

        harness.Time.Advance(TimeSpan.FromSeconds(119));
        Assert.False(first.IsCompleted);
        Assert.False(second.IsCompleted);
        Assert.Single(harness.Host.Uploads);

        await CompletesAfterTheResetAsync(harness, Task.WhenAll(first, second), TimeSpan.FromSeconds(1), "both saves to finish after the reset");

        var uploads = harness.Host.Uploads;
        Assert.Equal(429, uploads[0].AnsweredStatus);
        Assert.All(uploads.Skip(1), upload => Assert.True(upload.ReceivedAt >= reset, $"an upload was sent at {upload.ReceivedAt:O}, before the reset"));
        Assert.Equal(3, uploads.Count);
        Assert.Equal(2, harness.Host.Files.Count);
    }

    [Fact]
    public async Task With_a_short_window_an_upload_refused_with_429_is_stored_once_the_window_resets()
    {
        var window = TimeSpan.FromSeconds(2);
        await using var harness = await SirvStoreHarness.StartAsync(rateLimitWindow: window);
        harness.Host.SetUploadLimit(1);
        // Both saves pass the rate-limit gate while the token is held, so both uploads reach the host and one meets the empty bucket.
        harness.Host.HoldTokenResponses();
        var saves = new[]
        {
            harness.Store.SaveAsync(SirvStoreHarness.Image(TestImages.RandomPng(seed: 1), index: 0), CancellationToken.None),
            harness.Store.SaveAsync(SirvStoreHarness.Image(TestImages.RandomPng(seed: 2), index: 1), CancellationToken.None),
        };
        await Eventually.TrueAsync(() => harness.Host.TokenRequests == 1, "the token request to reach the host");
        harness.Host.ReleaseTokenResponses();

        var reset = SirvStoreHarness.Start + window;
        await Eventually.TrueAsync(() => harness.Host.UploadRateLimitRefusals == 1, "the host to refuse one upload with 429");
        await Eventually.TrueAsync(() => saves.Count(save => save.IsCompleted) == 1, "the accepted save to finish");
        Assert.Equal(reset, harness.Gate.HoldUntil);
        var refused = saves.Single(save => !save.IsCompleted);

        harness.Time.Advance(window - TimeSpan.FromSeconds(1));
        Assert.False(refused.IsCompleted);
        Assert.Equal(2, harness.Host.Uploads.Count);

        await CompletesAfterTheResetAsync(harness, refused, TimeSpan.FromSeconds(1), "the refused save to be stored after the window reset");

        var uploads = harness.Host.Uploads;
        Assert.Equal([200, 429, 200], uploads.Select(upload => upload.AnsweredStatus));
        Assert.True(uploads[2].ReceivedAt >= reset, $"the repeated upload was sent at {uploads[2].ReceivedAt:O}, before the reset");
        Assert.Equal(2, harness.Host.AcceptedUploads);
        Assert.Equal(2, harness.Host.Files.Count);
        Assert.Equal(1, harness.Host.UploadRateLimitRefusals);
        Assert.Equal(0, harness.Host.GlobalRateLimitRefusals);
    }

    [Fact]
    public async Task A_backlog_held_by_an_exhausted_limit_meets_each_reset_only_as_many_at_a_time_as_SIRV_MAX_CONCURRENT_UPLOADS()
    {
        var window = TimeSpan.FromSeconds(2);
        await using var harness = await SirvStoreHarness.StartAsync(new Dictionary<string, string?>
        {
            [SirvOptions.MaxConcurrentUploadsVariable] = "2",
            [SirvOptions.UploadMaxAttemptsVariable] = "10",
        }, rateLimitWindow: window);
        harness.Host.SetUploadLimit(1);
        await harness.Store.SaveAsync(SirvStoreHarness.Image(TestImages.RandomPng(seed: 0), index: 0), CancellationToken.None);
        Assert.NotNull(harness.Gate.HoldUntil);

        var backlog = Enumerable.Range(1, 6)
            .Select(index => harness.Store.SaveAsync(SirvStoreHarness.Image(TestImages.RandomPng(seed: index), index: index), CancellationToken.None))
            .ToArray();
        await CompletesAfterTheResetAsync(harness, Task.WhenAll(backlog), TimeSpan.FromSeconds(1), "the backlog to be stored one upload per window");

        Assert.Equal(7, harness.Host.Files.Count);
        // Each window takes one upload. Two at a time draw at most one 429 a window; the whole backlog at once
        // would draw up to 5 + 4 + 3 + 2 + 1.
        Assert.InRange(harness.Host.UploadRateLimitRefusals, 0, 6);
    }

    [Fact]
    public async Task Remaining_zero_on_a_success_holds_the_next_upload_and_a_hold_beyond_the_cap_fails_fast_as_transient()
    {
        await using var harness = await SirvStoreHarness.StartAsync();
        harness.Host.SetUploadLimit(1);

        await harness.Store.SaveAsync(SirvStoreHarness.Image(TestImages.RandomPng(seed: 1), index: 0), CancellationToken.None);
        var reset = SirvStoreHarness.Start + TimeSpan.FromHours(1);
        Assert.Equal(reset, harness.Gate.HoldUntil);

        var failure = await Assert.ThrowsAsync<ImageStorageException>(
            () => harness.Store.SaveAsync(SirvStoreHarness.Image(TestImages.RandomPng(seed: 2), index: 1), CancellationToken.None));

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
        harness.Host.SetGlobalLimit(2);
        await harness.Store.SaveAsync(SirvStoreHarness.Image(TestImages.RandomPng(seed: 1), index: 0), CancellationToken.None);
        var reset = SirvStoreHarness.Start + TimeSpan.FromHours(1);
        Assert.Equal(reset, harness.Gate.HoldUntil);

        var second = harness.Store.SaveAsync(SirvStoreHarness.Image(TestImages.RandomPng(seed: 2), index: 1), CancellationToken.None);
        harness.Time.Advance(TimeSpan.FromMinutes(59));
        Assert.False(second.IsCompleted);
        await CompletesAfterTheResetAsync(harness, second, TimeSpan.FromMinutes(1), "the held save to finish after the global reset");

        var uploads = harness.Host.Uploads;
        Assert.Equal([200, 200], uploads.Select(upload => upload.AnsweredStatus));
        Assert.True(uploads[1].ReceivedAt >= reset, $"the held upload was sent at {uploads[1].ReceivedAt:O}, before the reset");
    }

    // A save that read the clock just before an advance waits its full hold from the new time, so the clock
    // keeps moving until the save is done; each test then checks that no upload went before the reset.
    private static Task CompletesAfterTheResetAsync(SirvStoreHarness harness, Task saves, TimeSpan step, string awaited) =>
        Eventually.CompletesWhileAdvancingAsync(saves, harness.Time, step, TimeSpan.FromHours(2), awaited);
}
