using IdeogramJobs.Contracts.Events;
using IdeogramJobs.Contracts.Jobs;
using IdeogramJobs.Grains.Events;
using Microsoft.Extensions.Time.Testing;

namespace IdeogramJobs.Grains.Tests.Events;

public sealed class AccountEventWindowTests
{
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 12, 7, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task A_watcher_resuming_inside_the_window_gets_every_event_it_missed_in_order()
    {
        var window = new AccountEventWindow(time, kept: 10);
        var start = (await window.AfterAsync(null, TimeSpan.Zero)).Latest;
        window.Add(Event(1, AccountJobEventKind.Submitted));
        window.Add(Event(1, AccountJobEventKind.Status));
        window.Add(Event(2, AccountJobEventKind.Submitted));

        var batch = await window.AfterAsync(start + 1, TimeSpan.Zero);

        Assert.False(batch.Reset);
        Assert.Equal([(1L, AccountJobEventKind.Status), (2L, AccountJobEventKind.Submitted)], batch.Events.Select(e => (e.JobId, e.Kind)));
        Assert.Equal([start + 2, start + 3], batch.Events.Select(e => e.Sequence));
    }

    [Fact]
    public async Task A_watcher_behind_the_oldest_event_kept_gets_a_reset_not_a_gap()
    {
        var window = new AccountEventWindow(time, kept: 3);
        var start = (await window.AfterAsync(null, TimeSpan.Zero)).Latest;
        for (var job = 1; job <= 5; job++)
        {
            window.Add(Event(job, AccountJobEventKind.Submitted));
        }

        var behind = await window.AfterAsync(start + 1, TimeSpan.Zero);
        var atTheEdge = await window.AfterAsync(start + 2, TimeSpan.Zero);

        Assert.True(behind.Reset);
        Assert.Empty(behind.Events);
        Assert.Equal(start + 5, behind.Latest);
        Assert.False(atTheEdge.Reset);
        Assert.Equal([3L, 4L, 5L], atTheEdge.Events.Select(e => e.JobId));
    }

    [Fact]
    public async Task Sequence_numbers_of_an_earlier_window_or_past_the_last_get_a_reset()
    {
        var earlier = new AccountEventWindow(time, kept: 10);
        earlier.Add(Event(1, AccountJobEventKind.Submitted));
        var seenBefore = (await earlier.AfterAsync(null, TimeSpan.Zero)).Latest;
        time.Advance(TimeSpan.FromSeconds(1));

        var window = new AccountEventWindow(time, kept: 10);
        window.Add(Event(2, AccountJobEventKind.Submitted));
        var latest = (await window.AfterAsync(null, TimeSpan.Zero)).Latest;

        Assert.True((await window.AfterAsync(seenBefore, TimeSpan.Zero)).Reset);
        Assert.True((await window.AfterAsync(latest + 1, TimeSpan.Zero)).Reset);
        Assert.True((await window.AfterAsync(0, TimeSpan.Zero)).Reset);
    }

    [Fact]
    public async Task A_watcher_waiting_at_the_latest_event_is_woken_by_the_next()
    {
        var window = new AccountEventWindow(time, kept: 10);
        var latest = (await window.AfterAsync(null, TimeSpan.Zero)).Latest;

        var watching = window.AfterAsync(latest, TimeSpan.FromSeconds(20));
        Assert.False(watching.IsCompleted);
        window.Add(Event(7, AccountJobEventKind.Progress));

        var batch = await watching.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(7, Assert.Single(batch.Events).JobId);
    }

    private static AccountJobEvent Event(long jobId, AccountJobEventKind kind) =>
        new() { JobId = jobId, Kind = kind, Status = JobStatus.Queued };
}
