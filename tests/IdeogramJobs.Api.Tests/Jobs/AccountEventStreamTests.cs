using System.Globalization;
using System.Text.Json.Nodes;
using IdeogramJobs.Api.Tests.Infrastructure;

namespace IdeogramJobs.Api.Tests.Jobs;

[Collection(ServiceCollection.Name)]
public sealed class AccountEventStreamTests(ServiceFixture service)
{
    private static readonly TimeSpan JobBound = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan PromptBound = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task A_jobs_submission_and_its_completion_with_images_arrive_on_the_accounts_stream()
    {
        var account = await service.NewAccountAsync();
        await using var stream = await AccountEventListener.OpenAsync(account.Http);
        await stream.WaitForAsync(i => i.Type == "ready", "the ready event", PromptBound);

        var jobId = await account.ExecuteAsync("blog_header", "a harbour seen live");

        var submitted = await stream.WaitForAsync(i => i.Type == "submitted" && JobOf(i) == jobId, $"job {jobId} submitted", PromptBound);
        Assert.Equal("queued", submitted.Data!["status"]!.GetValue<string>());
        Assert.Equal("blog_header", submitted.Data["jobTypeName"]!.GetValue<string>());
        var completed = await stream.WaitForAsync(i => i.Type == "status" && JobOf(i) == jobId && Status(i) == "completed", $"job {jobId} completed", JobBound);
        Assert.NotEmpty(completed.Data!["images"]!.AsArray());
        Assert.True(completed.Id > submitted.Id, $"completion {completed.Id} numbered before submission {submitted.Id}");

        // The stream addresses images as every other answer does, for the address the client used.
        var results = JsonNode.Parse(await account.Http.GetStringAsync($"/api/jobs/{jobId}/results"))!;
        Assert.Equal(
            results["images"]!.AsArray().Select(i => i!["url"]!.GetValue<string>()).Order(),
            completed.Data["images"]!.AsArray().Select(i => i!["url"]!.GetValue<string>()).Order());
    }

    [Fact]
    public async Task Another_accounts_jobs_never_arrive_on_an_accounts_stream()
    {
        var account = await service.NewAccountAsync();
        var other = await service.NewAccountAsync();
        await using var stream = await AccountEventListener.OpenAsync(account.Http);
        await stream.WaitForAsync(i => i.Type == "ready", "the ready event", PromptBound);

        var othersJob = await other.ExecuteAsync("blog_header", "someone else's harbour");
        await other.WaitForAsync(othersJob, "completed");
        var ownJob = await account.ExecuteAsync("blog_header", "our own harbour");
        await stream.WaitForAsync(i => JobOf(i) == ownJob && Status(i) == "completed", $"own job {ownJob} completed", JobBound);

        Assert.False(stream.Any(i => JobOf(i) == othersJob), $"job {othersJob} of another account showed on the stream");
    }

    [Fact]
    public async Task A_quiet_accounts_stream_carries_keep_alive_comments()
    {
        var account = await service.NewAccountAsync();
        await using var stream = await AccountEventListener.OpenAsync(account.Http);

        var within = TimeSpan.FromSeconds(ServiceFixture.HeartbeatSeconds * 5);
        var first = await stream.WaitForAsync(i => i.Comment == "keep-alive", "a keep-alive comment", within);
        var second = await stream.WaitForAsync(i => i.Comment == "keep-alive", "a second keep-alive comment", within);

        // One per interval of silence, not a flood.
        Assert.True(second.At - first.At >= TimeSpan.FromSeconds(ServiceFixture.HeartbeatSeconds * 0.5), $"keep-alives {(second.At - first.At).TotalSeconds:0.00}s apart");
    }

    [Fact]
    public async Task Reconnecting_with_last_event_id_delivers_what_happened_while_away()
    {
        var account = await service.NewAccountAsync();
        long lastSeen;
        await using (var first = await AccountEventListener.OpenAsync(account.Http))
        {
            lastSeen = (await first.WaitForAsync(i => i.Type == "ready", "the ready event", PromptBound)).Id!.Value;
        }

        var jobId = await account.ExecuteAsync("blog_header", "a harbour while away");
        await account.WaitForAsync(jobId, "completed");

        await using var resumed = await AccountEventListener.OpenAsync(account.Http, lastSeen);
        var submitted = await resumed.WaitForAsync(i => i.Type is not null, "the first event after reconnecting", PromptBound);
        Assert.Equal(("submitted", jobId), (submitted.Type, JobOf(submitted)));
        Assert.Equal(lastSeen + 1, submitted.Id);
        await resumed.WaitForAsync(i => JobOf(i) == jobId && Status(i) == "completed", $"job {jobId} completed, sent again after reconnecting", PromptBound);
        Assert.False(resumed.Any(i => i.Type is "ready" or "reset"), "a resumed stream started over");
    }

    [Fact]
    public async Task A_last_event_id_the_service_no_longer_holds_gets_a_reset_and_the_stream_goes_on()
    {
        var account = await service.NewAccountAsync();

        await using var stream = await AccountEventListener.OpenAsync(account.Http, 1);
        var reset = await stream.WaitForAsync(i => i.Type is not null, "the first event", PromptBound);
        Assert.Equal("reset", reset.Type);

        var jobId = await account.ExecuteAsync("blog_header", "after a reset");
        var submitted = await stream.WaitForAsync(i => i.Type == "submitted", "a submission after the reset", PromptBound);
        Assert.Equal(jobId, JobOf(submitted));
        Assert.True(submitted.Id > reset.Id, $"event {submitted.Id} numbered before the reset's {reset.Id}");
    }

    private static long? JobOf(EventStreamItem item) => item.Data?["jobId"]?.GetValue<long>();

    private static string? Status(EventStreamItem item) => item.Data?["status"]?.GetValue<string>();
}
