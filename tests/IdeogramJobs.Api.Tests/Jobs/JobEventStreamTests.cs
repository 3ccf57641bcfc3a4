using System.Diagnostics;
using System.Globalization;
using IdeogramJobs.Api.Tests.Infrastructure;

namespace IdeogramJobs.Api.Tests.Jobs;

[Collection(ServiceCollection.Name)]
public sealed class JobEventStreamTests(ServiceFixture service)
{
    /// <summary>Far more than a finished job's stream needs; a stream that never ends fails the test here.</summary>
    private static readonly TimeSpan FinishedStreamBound = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task A_finished_jobs_stream_ends_at_once_whatever_last_event_id_says()
    {
        var account = await service.NewAccountAsync();
        var jobId = await account.ExecuteAsync("blog_header", "a quiet harbour");
        await account.WaitForAsync(jobId, "completed");
        var path = $"/api/jobs/{jobId}/events";

        var all = await EventStreamItem.ReadAllAsync(account.Http, path, FinishedStreamBound);
        var last = all[^1];
        Assert.Equal("completed", last.Data!["status"]!.GetValue<string>());

        foreach (var pastTheEnd in new[] { last.Id!.Value, last.Id.Value + 1, last.Id.Value + 1_000_000_000, long.MaxValue })
        {
            var items = await EventStreamItem.ReadAllAsync(account.Http, path, FinishedStreamBound, pastTheEnd.ToString(CultureInfo.InvariantCulture));
            Assert.True(items.Count(i => !i.IsComment) == 0, $"Last-Event-ID {pastTheEnd} still got events: {string.Join(", ", items.Select(i => i.Id))}");
        }

        foreach (var fromTheStart in new[] { "0", "-1", long.MinValue.ToString(CultureInfo.InvariantCulture) })
        {
            var items = await EventStreamItem.ReadAllAsync(account.Http, path, FinishedStreamBound, fromTheStart);
            Assert.Equal(all.Where(i => !i.IsComment).Select(i => i.Id), items.Where(i => !i.IsComment).Select(i => i.Id));
        }
    }

    [Fact]
    public async Task Many_streams_of_a_finished_job_resumed_past_the_end_all_end_promptly()
    {
        var account = await service.NewAccountAsync();
        var jobId = await account.ExecuteAsync("blog_header", "a lighthouse at dusk");
        await account.WaitForAsync(jobId, "completed");

        var clock = Stopwatch.StartNew();
        var streams = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ =>
            EventStreamItem.ReadAllAsync(account.Http, $"/api/jobs/{jobId}/events", FinishedStreamBound, long.MaxValue.ToString(CultureInfo.InvariantCulture))));

        Assert.All(streams, items => Assert.Empty(items));
        Assert.True(clock.Elapsed < FinishedStreamBound, $"20 finished streams took {clock.Elapsed.TotalSeconds:0.0}s");
    }

    [Fact]
    public async Task A_quiet_live_jobs_stream_carries_keep_alive_comments_without_keeping_the_api_busy()
    {
        var account = await service.NewAccountAsync();
        // DEFAULT speed is 11 s at scale 1: a generation of about 4 s is several heartbeats long.
        await service.ConfigureSimulatorAsync(new { latencyScale = 0.4 });
        try
        {
            var jobId = await account.ExecuteAsync("blog_header", "a slow sunrise");
            using var api = Process.GetProcessById(service.Api.ProcessId);
            var cpuBefore = api.TotalProcessorTime;
            var clock = Stopwatch.StartNew();

            var items = await EventStreamItem.ReadAllAsync(account.Http, $"/api/jobs/{jobId}/events", TimeSpan.FromSeconds(30));

            var wall = clock.Elapsed;
            api.Refresh();
            var cpu = api.TotalProcessorTime - cpuBefore;
            Assert.Equal("completed", items[^1].Data!["status"]!.GetValue<string>());
            var heartbeats = items.Where(i => i.IsComment).ToList();
            Assert.All(heartbeats, h => Assert.Equal("keep-alive", h.Comment));
            Assert.True(heartbeats.Count >= 2, $"{heartbeats.Count} keep-alive comments in a {wall.TotalSeconds:0.0}s stream");

            // A comment goes out only after a whole interval of silence: never more than one per interval.
            var most = (int)(wall.TotalSeconds / ServiceFixture.HeartbeatSeconds) + 1;
            Assert.True(heartbeats.Count <= most, $"{heartbeats.Count} keep-alive comments in {wall.TotalSeconds:0.0}s; at most {most} expected");

            // Waiting is idle: a loop asking the job again and again would use a core for the whole stream.
            Assert.True(cpu < wall / 2, $"the API used {cpu.TotalSeconds:0.00}s of CPU during a {wall.TotalSeconds:0.0}s stream");
        }
        finally
        {
            await service.ConfigureSimulatorAsync(new { latencyScale = 0 });
        }
    }

    [Fact]
    public async Task A_live_jobs_stream_resumed_past_its_last_event_waits_quietly_and_ends_when_the_job_does()
    {
        var account = await service.NewAccountAsync();
        await service.ConfigureSimulatorAsync(new { latencyScale = 0.4 });
        try
        {
            var jobId = await account.ExecuteAsync("blog_header", "a slow tide");

            var items = await EventStreamItem.ReadAllAsync(
                account.Http, $"/api/jobs/{jobId}/events", TimeSpan.FromSeconds(30), long.MaxValue.ToString(CultureInfo.InvariantCulture));

            Assert.All(items, i => Assert.True(i.IsComment, $"an event past Last-Event-ID {long.MaxValue}: {i.Type} {i.Id}"));
            Assert.True(items.Count >= 2, $"{items.Count} keep-alive comments while a generation of about 4 s ran");
            Assert.Equal("completed", (await account.StatusAsync(jobId))["status"]!.GetValue<string>());
        }
        finally
        {
            await service.ConfigureSimulatorAsync(new { latencyScale = 0 });
        }
    }
}
