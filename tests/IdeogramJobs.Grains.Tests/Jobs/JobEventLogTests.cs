using IdeogramJobs.Contracts.Jobs;
using IdeogramJobs.Grains.Jobs;
using Microsoft.Extensions.Time.Testing;

namespace IdeogramJobs.Grains.Tests.Jobs;

public sealed class JobEventLogTests
{
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task A_watcher_gets_only_the_events_after_the_one_it_saw_in_order()
    {
        var log = new JobEventLog(time);
        log.Add(JobEventKind.Status, JobStatus.Queued, 0, null);
        log.Add(JobEventKind.Status, JobStatus.Processing, 10, null);
        var seen = (await log.AfterAsync(0, TimeSpan.Zero, terminal: false))[0].Sequence;

        log.Add(JobEventKind.Status, JobStatus.Completed, 100, null);
        var next = await log.AfterAsync(seen, TimeSpan.Zero, terminal: false);

        Assert.Equal([JobStatus.Processing, JobStatus.Completed], next.Select(e => e.Status));
        Assert.True(next[0].Sequence < next[1].Sequence);
    }

    [Fact]
    public async Task A_waiting_watcher_is_woken_by_the_next_event()
    {
        var log = new JobEventLog(time);
        log.Add(JobEventKind.Status, JobStatus.Queued, 0, null);
        var last = (await log.AfterAsync(0, TimeSpan.Zero, false))[^1].Sequence;

        var watching = log.AfterAsync(last, TimeSpan.FromSeconds(20), terminal: false);
        Assert.False(watching.IsCompleted);
        log.Add(JobEventKind.Image, JobStatus.Processing, 50, "stored image 1 of 2");

        var events = await watching.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(JobEventKind.Image, Assert.Single(events).Kind);
    }

    [Fact]
    public async Task A_watcher_with_nothing_new_returns_empty_when_its_wait_runs_out()
    {
        var log = new JobEventLog(time);
        var watching = log.AfterAsync(long.MaxValue - 1, TimeSpan.FromSeconds(20), terminal: false);

        time.Advance(TimeSpan.FromSeconds(20));

        Assert.Empty(await watching.WaitAsync(TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public async Task Sequences_of_a_later_activation_continue_after_an_earlier_ones()
    {
        var first = new JobEventLog(time);
        first.Add(JobEventKind.Status, JobStatus.Processing, 10, null);
        var earlier = (await first.AfterAsync(0, TimeSpan.Zero, false))[0].Sequence;

        time.Advance(TimeSpan.FromMilliseconds(5));
        var second = new JobEventLog(time);
        second.Add(JobEventKind.Status, JobStatus.Processing, 10, null);

        Assert.True((await second.AfterAsync(0, TimeSpan.Zero, false))[0].Sequence > earlier);
    }
}
