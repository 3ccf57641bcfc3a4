using IdeogramJobs.Grains.Capacity;

namespace IdeogramJobs.Grains.Tests.Capacity;

public sealed class FairCapacitySchedulerTests
{
    private static readonly DateTimeOffset Later = new(2026, 11, 25, 13, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Grants_at_once_while_units_are_free_and_queues_past_the_capacity()
    {
        var scheduler = new FairCapacityScheduler(10);

        Assert.True(scheduler.Request(1, "a", 4, Later));
        Assert.True(scheduler.Request(2, "b", 4, Later));
        Assert.False(scheduler.Request(3, "c", 4, Later));

        Assert.Equal(8, scheduler.InUse);
        Assert.Equal([3], scheduler.Release(1));
        Assert.Equal(8, scheduler.InUse);
        Assert.Equal(8, scheduler.MaxInUse);
    }

    [Fact]
    public void Accounts_take_turns_so_a_busy_one_cannot_crowd_out_another()
    {
        var scheduler = new FairCapacityScheduler(1);
        scheduler.Request(100, "busy", 1, Later);
        for (var job = 101; job < 110; job++)
        {
            scheduler.Request(job, "busy", 1, Later);
        }

        scheduler.Request(200, "quiet", 1, Later);

        Assert.Equal([101], scheduler.Release(100));
        Assert.Equal([200], scheduler.Release(101));
        Assert.Equal([102], scheduler.Release(200));
    }

    [Fact]
    public void A_large_request_at_the_head_is_not_passed_by_smaller_ones()
    {
        var scheduler = new FairCapacityScheduler(10);
        scheduler.Request(1, "a", 8, Later);
        Assert.False(scheduler.Request(2, "b", 8, Later));
        Assert.False(scheduler.Request(3, "c", 1, Later));

        Assert.Empty(scheduler.Release(99));
        Assert.Equal([2, 3], scheduler.Release(1));
        Assert.Equal(9, scheduler.InUse);
    }

    [Fact]
    public void Asking_again_is_idempotent_and_a_withdrawn_request_is_never_granted()
    {
        var scheduler = new FairCapacityScheduler(1);
        Assert.True(scheduler.Request(1, "a", 1, Later));
        Assert.True(scheduler.Request(1, "a", 1, Later));
        Assert.False(scheduler.Request(2, "b", 1, Later));
        Assert.False(scheduler.Request(2, "b", 1, Later));

        scheduler.Release(2);

        Assert.Empty(scheduler.Release(1));
        Assert.Equal(0, scheduler.InUse);
        Assert.Equal(0, scheduler.Waiting);
    }

    [Fact]
    public void A_lease_past_its_deadline_is_taken_back_and_handed_on()
    {
        var scheduler = new FairCapacityScheduler(4);
        scheduler.Request(1, "a", 4, Later);
        scheduler.Request(2, "b", 4, Later.AddHours(1));

        var (expired, granted) = scheduler.Expire(Later);

        Assert.Equal([1], expired);
        Assert.Equal([2], granted);
    }

    [Fact]
    public void A_request_for_more_than_the_capacity_is_held_to_the_capacity()
    {
        var scheduler = new FairCapacityScheduler(4);

        Assert.True(scheduler.Request(1, "a", 8, Later));
        Assert.Equal(4, scheduler.InUse);
    }
}
