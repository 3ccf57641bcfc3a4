using System.Net;
using System.Net.Sockets;
using IdeogramJobs.Storage.Sirv;
using IdeogramJobs.Storage.Tests.Support;
using IdeogramJobs.Testing;
using IdeogramJobs.Testing.Sirv;
using Microsoft.Extensions.Logging;

namespace IdeogramJobs.Storage.Tests.Sirv;

public sealed class SirvRetryTests
{
    private static readonly TimeSpan Step = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan MaxFakeTime = TimeSpan.FromMinutes(10);

    [Fact]
    public async Task Server_errors_are_retried_after_a_backoff_and_the_upload_then_succeeds()
    {
        // A 20 s base delay: were the backoff on the wall clock, this test would exceed its bounded wait.
        await using var harness = await SirvStoreHarness.StartAsync(new Dictionary<string, string?>
        {
            [SirvOptions.RetryBaseDelayVariable] = "20000",
        });
        harness.Host.ScriptUploads(new SirvScriptedAnswer(503), new SirvScriptedAnswer(500));

        var stored = await Eventually.CompletesWhileAdvancingAsync(
            harness.Store.SaveAsync(SirvStoreHarness.Image(TestImages.RandomPng()), CancellationToken.None),
            harness.Time, TimeSpan.FromSeconds(1), MaxFakeTime, "the save to succeed after two server errors");

        var uploads = harness.Host.Uploads;
        Assert.Equal([503, 500, 200], uploads.Select(upload => upload.AnsweredStatus));
        Assert.True(uploads[1].ReceivedAt > uploads[0].ReceivedAt, "the first retry waited on the clock");
        Assert.True(uploads[2].ReceivedAt > uploads[1].ReceivedAt, "the second retry waited on the clock");
        Assert.True(harness.Host.Files.ContainsKey(stored.StoragePath));
        Assert.Equal(2, harness.Logs.Entries.Count(entry => entry.Level == LogLevel.Warning && entry.Message.Contains("retrying")));
    }

    [Fact]
    public async Task Persistent_server_errors_fail_as_transient_after_the_configured_attempts()
    {
        await using var harness = await SirvStoreHarness.StartAsync(new Dictionary<string, string?>
        {
            [SirvOptions.UploadMaxAttemptsVariable] = "3",
        });
        harness.Host.ScriptUploads(Enumerable.Repeat(new SirvScriptedAnswer(500), 10).ToArray());

        var save = harness.Store.SaveAsync(SirvStoreHarness.Image(TestImages.RandomPng()), CancellationToken.None);
        var failure = await Assert.ThrowsAsync<ImageStorageException>(
            () => Eventually.CompletesWhileAdvancingAsync(save, harness.Time, Step, MaxFakeTime, "the save to give up"));

        Assert.True(failure.IsTransient);
        Assert.Contains("after 3 attempt(s)", failure.Message);
        Assert.Contains("HTTP 500", failure.Message);
        Assert.Equal(3, harness.Host.Uploads.Count);
    }

    [Fact]
    public async Task Request_timeout_408_is_retried()
    {
        await using var harness = await SirvStoreHarness.StartAsync();
        harness.Host.ScriptUploads(new SirvScriptedAnswer(408));

        await Eventually.CompletesWhileAdvancingAsync(
            harness.Store.SaveAsync(SirvStoreHarness.Image(TestImages.RandomPng()), CancellationToken.None),
            harness.Time, Step, MaxFakeTime, "the save to succeed after a 408");

        Assert.Equal([408, 200], harness.Host.Uploads.Select(upload => upload.AnsweredStatus));
    }

    [Fact]
    public async Task Unreachable_sirv_fails_as_transient_after_retrying()
    {
        var closedPort = FreeLoopbackPort();
        await using var harness = await SirvStoreHarness.StartAsync(new Dictionary<string, string?>
        {
            [SirvOptions.ApiBaseUrlVariable] = $"http://127.0.0.1:{closedPort}",
            [SirvOptions.UploadMaxAttemptsVariable] = "2",
        });

        var save = harness.Store.SaveAsync(SirvStoreHarness.Image(TestImages.RandomPng()), CancellationToken.None);
        var failure = await Assert.ThrowsAsync<ImageStorageException>(
            () => Eventually.CompletesWhileAdvancingAsync(save, harness.Time, Step, MaxFakeTime, "the save to give up on an unreachable host"));

        Assert.True(failure.IsTransient);
        Assert.Contains("after 2 attempt(s)", failure.Message);
        Assert.Contains("Could not reach", failure.Message);
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
