using IdeogramJobs.Grains.Accounts;

namespace IdeogramJobs.Grains.Tests.Accounts;

public sealed class AccountQueueTests
{
    private static readonly DateTime T0 = new(2026, 11, 25, 12, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Dispatches_by_priority_then_age_and_never_beyond_the_cap()
    {
        var queue = new AccountQueue { Cap = 2 };
        queue.Enqueue(new QueuedJob(1, 0, T0));
        queue.Enqueue(new QueuedJob(2, 5, T0.AddSeconds(2)));
        queue.Enqueue(new QueuedJob(3, 5, T0.AddSeconds(1)));
        queue.Enqueue(new QueuedJob(4, 0, T0.AddSeconds(-1)));

        Assert.Equal([3, 2], queue.TakeDispatchable());
        Assert.Empty(queue.TakeDispatchable());

        queue.Remove(3);
        Assert.Equal([4], queue.TakeDispatchable());
        Assert.Equal([1], queue.Pending);
    }

    [Fact]
    public void A_running_job_found_on_rebuild_holds_a_slot()
    {
        var queue = new AccountQueue { Cap = 1 };
        queue.AddInFlight(9);
        queue.Enqueue(new QueuedJob(1, 0, T0));

        Assert.Empty(queue.TakeDispatchable());
        queue.Remove(9);
        Assert.Equal([1], queue.TakeDispatchable());
    }

    [Fact]
    public void Enqueueing_a_known_job_again_changes_nothing()
    {
        var queue = new AccountQueue { Cap = 5 };
        queue.Enqueue(new QueuedJob(1, 0, T0));
        queue.Enqueue(new QueuedJob(1, 9, T0));
        queue.AddInFlight(2);
        queue.Enqueue(new QueuedJob(2, 0, T0));

        Assert.Equal([1], queue.TakeDispatchable());
        Assert.Equal([1, 2], queue.InFlight.Order());
        Assert.False(queue.IsEmpty);
    }
}
