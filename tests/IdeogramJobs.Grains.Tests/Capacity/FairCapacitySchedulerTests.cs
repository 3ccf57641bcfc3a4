using IdeogramJobs.Grains.Capacity;

namespace IdeogramJobs.Grains.Tests.Capacity;

public sealed class FairCapacitySchedulerTests
{
    private static readonly DateTimeOffset Later = new(2026, 11, 25, 13, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(6);

    [Fact]
    public void Grants_at_once_while_units_are_free_and_queues_past_the_capacity()
    {
        var scheduler = new FairCapacityScheduler(10, Lease);

        Assert.True(scheduler.Request(1, "a", 4, Later));
        Assert.True(scheduler.Request(2, "b", 4, Later));
        Assert.False(scheduler.Request(3, "c", 4, Later));

        Assert.Equal(8, scheduler.InUse);
        Assert.Equal([3], scheduler.Release(1, Later));
        Assert.Equal(8, scheduler.InUse);
        Assert.Equal(8, scheduler.MaxInUse);
    }

    [Fact]
    public void Accounts_take_turns_so_a_busy_one_cannot_crowd_out_another()
    {
        var scheduler = new FairCapacityScheduler(1, Lease);
        scheduler.Request(100, "busy", 1, Later);
        for (var job = 101; job < 110; job++)
        {
            scheduler.Request(job, "busy", 1, Later);
        }

        scheduler.Request(200, "quiet", 1, Later);

        Assert.Equal([101], scheduler.Release(100, Later));
        Assert.Equal([200], scheduler.Release(101, Later));
        Assert.Equal([102], scheduler.Release(200, Later));
    }

    [Fact]
    public void Other_accounts_use_the_units_a_blocked_large_request_cannot()
    {
        var scheduler = new FairCapacityScheduler(10, Lease);
        scheduler.Request(1, "a", 8, Later);
        Assert.False(scheduler.Request(2, "b", 8, Later));

        Assert.True(scheduler.Request(3, "c", 1, Later));
        Assert.True(scheduler.Request(4, "d", 1, Later));
        Assert.False(scheduler.Request(5, "e", 1, Later));

        Assert.Equal(10, scheduler.InUse);
        Assert.Equal([2], scheduler.Release(1, Later));
    }

    [Fact]
    public void A_blocked_large_request_is_passed_by_at_most_one_capacity_of_units_then_served_first()
    {
        var scheduler = new FairCapacityScheduler(4, Lease);
        scheduler.Request(1, "a", 3, Later);
        Assert.False(scheduler.Request(2, "big", 4, Later));

        // Small jobs of another account keep taking the one free unit, four units' worth in all...
        for (var job = 10; job < 14; job++)
        {
            Assert.True(scheduler.Request(job, "small", 1, Later));
            Assert.Empty(scheduler.Release(job, Later));
        }

        // ...then they wait behind the large request, which gets the units as soon as they free up.
        Assert.False(scheduler.Request(14, "small", 1, Later));
        Assert.Equal([2], scheduler.Release(1, Later));
        Assert.Equal([14], scheduler.Release(2, Later));
    }

    [Fact]
    public void Images_of_attempts_already_running_are_counted_before_anything_more_is_granted()
    {
        var scheduler = new FairCapacityScheduler(10, Lease);
        scheduler.Hold(1, 4, Later, Later + Lease, attemptToken: null);

        Assert.False(scheduler.Request(2, "a", 8, Later));
        Assert.True(scheduler.Request(1, "b", 4, Later));
        Assert.Equal(4, scheduler.InUse);
        Assert.Equal([2], scheduler.Release(1, Later));
    }

    [Fact]
    public void Asking_again_is_idempotent_and_a_withdrawn_request_is_never_granted()
    {
        var scheduler = new FairCapacityScheduler(1, Lease);
        Assert.True(scheduler.Request(1, "a", 1, Later));
        Assert.True(scheduler.Request(1, "a", 1, Later));
        Assert.False(scheduler.Request(2, "b", 1, Later));
        Assert.False(scheduler.Request(2, "b", 1, Later));

        scheduler.Release(2, Later);

        Assert.Empty(scheduler.Release(1, Later));
        Assert.Equal(0, scheduler.InUse);
        Assert.Equal(0, scheduler.Waiting);
    }

    [Fact]
    public void A_long_line_counts_its_waiting_images_as_requests_join_leave_are_granted_and_queue_again()
    {
        var scheduler = new FairCapacityScheduler(4, Lease);
        Assert.True(scheduler.Request(1, "a", 4, Later));
        for (var job = 2; job <= 3_001; job++)
        {
            Assert.False(scheduler.Request(job, $"account-{job % 50}", 1 + (job % 3), Later));
        }

        var waitingUnits = Enumerable.Range(2, 3_000).Sum(job => 1 + (job % 3));
        Assert.Equal((3_000, waitingUnits), (scheduler.Waiting, scheduler.WaitingUnits));

        scheduler.Release(2_000, Later);
        Assert.False(scheduler.Request(2_000, "account-0", 1 + (2_000 % 3), Later));
        Assert.Equal((3_000, waitingUnits), (scheduler.Waiting, scheduler.WaitingUnits));

        var granted = scheduler.Release(1, Later);
        var grantedUnits = granted.Sum(job => 1 + (int)(job % 3));
        Assert.Equal(4, scheduler.InUse);
        Assert.Equal((3_000 - granted.Count, waitingUnits - grantedUnits), (scheduler.Waiting, scheduler.WaitingUnits));

        var expired = scheduler.Expire(Later + FairCapacityScheduler.UnclaimedGrant);
        Assert.Equal(granted, expired.Requeued);
        Assert.Equal(granted.Order(), expired.Granted.Order());
        Assert.Equal((3_000 - granted.Count, waitingUnits - grantedUnits), (scheduler.Waiting, scheduler.WaitingUnits));
    }

    [Fact]
    public void A_lease_past_its_deadline_is_taken_back_and_handed_on()
    {
        var scheduler = new FairCapacityScheduler(4, Lease);
        scheduler.Request(1, "a", 4, Later, "attempt-1");
        scheduler.Request(2, "b", 4, Later);

        var (lapsed, _, granted) = scheduler.Expire(Later + Lease);

        Assert.Equal([1], lapsed);
        Assert.Equal([2], granted);
    }

    [Fact]
    public void A_leases_clock_starts_when_it_is_granted_however_long_the_job_waited()
    {
        var scheduler = new FairCapacityScheduler(4, Lease);
        scheduler.Request(1, "a", 4, Later);
        Assert.False(scheduler.Request(2, "b", 4, Later));
        var granted = Later + (3 * Lease);

        Assert.Equal([2], scheduler.Release(1, granted));
        Assert.True(scheduler.Request(2, "b", 4, granted, "attempt-2"));

        Assert.Empty(scheduler.Expire(granted + Lease - TimeSpan.FromSeconds(1)).Lapsed);
        Assert.Equal(4, scheduler.InUse);
        Assert.Equal([2], scheduler.Expire(granted + Lease).Lapsed);
    }

    [Fact]
    public void Asking_again_for_a_held_lease_renews_it()
    {
        var scheduler = new FairCapacityScheduler(4, Lease);
        scheduler.Request(1, "a", 4, Later);

        Assert.True(scheduler.Request(1, "a", 4, Later + Lease - TimeSpan.FromSeconds(1), "attempt-1"));

        Assert.Empty(scheduler.Expire(Later + Lease).Lapsed);
        Assert.Equal(4, scheduler.InUse);
    }

    [Fact]
    public void Before_anything_is_learned_a_call_given_up_on_stays_counted_for_twice_an_assumed_minute_from_its_grant()
    {
        var scheduler = new FairCapacityScheduler(10, Lease);
        scheduler.Request(1, "a", 8, Later);
        Assert.False(scheduler.Request(2, "b", 8, Later));

        Assert.Empty(scheduler.ReleaseAbandoned(1, 8, Later + TimeSpan.FromSeconds(10), TimeSpan.FromMinutes(5), attemptToken: null));

        Assert.Equal(8, scheduler.InUse);
        Assert.Equal((IReadOnlyList<long>)[], scheduler.Expire(Later + TimeSpan.FromSeconds(119)).Granted);
        var (lapsed, _, granted) = scheduler.Expire(Later + TimeSpan.FromSeconds(120));
        Assert.Empty(lapsed);
        Assert.Equal([2], granted);
    }

    [Fact]
    public void A_call_given_up_on_after_its_lease_was_released_is_still_counted()
    {
        var scheduler = new FairCapacityScheduler(10, Lease);
        scheduler.Request(1, "a", 6, Later);
        scheduler.Release(1, Later);

        scheduler.ReleaseAbandoned(1, 6, Later, TimeSpan.FromMinutes(5), attemptToken: null);

        Assert.Equal(6, scheduler.InUse);
        Assert.False(scheduler.Request(2, "b", 6, Later));
    }

    [Fact]
    public void Attempts_found_running_count_whatever_their_size_but_a_request_larger_than_the_capacity_is_refused()
    {
        var scheduler = new FairCapacityScheduler(4, Lease);

        scheduler.Hold(1, 8, Later, Later + Lease, attemptToken: null);

        Assert.Equal(8, scheduler.InUse);
        Assert.Throws<ArgumentOutOfRangeException>(() => scheduler.Request(2, "a", 5, Later));
    }

    [Fact]
    public void An_attempt_that_is_gone_cannot_give_back_the_lease_of_the_attempt_that_took_over()
    {
        var scheduler = new FairCapacityScheduler(2, Lease);
        Assert.True(scheduler.Request(1, "a", 2, Later, "gone-attempt"));
        scheduler.TakeBack(1, 2, Later, TimeSpan.FromMinutes(5));
        Assert.Equal(2, scheduler.InUse);
        scheduler.Expire(Later + TimeSpan.FromMinutes(5));
        Assert.True(scheduler.Request(1, "a", 2, Later + TimeSpan.FromMinutes(5)));
        Assert.True(scheduler.Request(1, "a", 2, Later + TimeSpan.FromMinutes(5), "new-attempt"));

        scheduler.Release(1, Later + TimeSpan.FromMinutes(6), "gone-attempt");

        Assert.Equal(2, scheduler.InUse);
        Assert.False(scheduler.Request(2, "b", 1, Later + TimeSpan.FromMinutes(6)));
        Assert.Equal([2], scheduler.Release(1, Later + TimeSpan.FromMinutes(7), "new-attempt"));
    }

    [Fact]
    public void A_lease_left_by_an_attempt_that_is_gone_does_not_block_the_jobs_next_attempt_and_its_call_stays_counted()
    {
        var scheduler = new FairCapacityScheduler(4, Lease);
        scheduler.Hold(1, 2, Later, Later + Lease, "gone-attempt");

        Assert.True(scheduler.Request(1, "a", 2, Later));
        Assert.True(scheduler.Request(1, "a", 2, Later, "next-attempt"));
        Assert.Equal(4, scheduler.InUse);

        scheduler.Release(1, Later, "gone-attempt");
        Assert.Equal(4, scheduler.InUse);
        scheduler.Release(1, Later, "next-attempt");
        Assert.Equal(2, scheduler.InUse);
        scheduler.Expire(Later + Lease);
        Assert.Equal(0, scheduler.InUse);
    }

    [Fact]
    public void An_ended_job_frees_its_own_lease_at_once_and_keeps_a_lost_releases_call_counted_until_it_has_surely_ended()
    {
        var scheduler = new FairCapacityScheduler(2, Lease);
        scheduler.Hold(1, 2, Later, Later + Lease, "attempt-whose-release-was-lost");
        Assert.False(scheduler.Request(2, "b", 2, Later));

        Assert.Empty(scheduler.Forget(1, Later, "last-attempt"));
        Assert.Equal(2, scheduler.InUse);
        Assert.Equal([2], scheduler.Expire(Later + Lease).Granted);

        Assert.Empty(scheduler.Forget(2, Later + Lease, attemptToken: null));
        Assert.Equal(0, scheduler.InUse);
        Assert.Equal(0, scheduler.Waiting);
    }

    [Fact]
    public void Taking_back_a_gone_attempts_lease_keeps_its_call_counted_until_it_has_surely_ended()
    {
        var scheduler = new FairCapacityScheduler(4, Lease);
        scheduler.Hold(1, 3, Later, Later + Lease, "gone-attempt");
        Assert.False(scheduler.Request(2, "b", 2, Later));

        Assert.Empty(scheduler.TakeBack(1, 3, Later, TimeSpan.FromMinutes(5)));

        Assert.Equal(3, scheduler.InUse);
        Assert.Equal([2], scheduler.Expire(Later + TimeSpan.FromMinutes(5)).Granted);
    }

    [Fact]
    public void Once_enough_calls_ended_normally_an_abandoned_call_is_held_for_twice_the_longest_of_them()
    {
        var scheduler = new FairCapacityScheduler(4, Lease);
        var now = EndCalls(scheduler, [.. Enumerable.Repeat(8, 10), 12, .. Enumerable.Repeat(8, 9)]);

        Assert.Equal(TimeSpan.FromSeconds(12), scheduler.LongestRecentCall);
        scheduler.Request(1, "a", 4, now);
        scheduler.ReleaseAbandoned(1, 4, now + TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(5), attemptToken: null);

        scheduler.Expire(now + TimeSpan.FromSeconds(23));
        Assert.Equal(4, scheduler.InUse);
        scheduler.Expire(now + TimeSpan.FromSeconds(24));
        Assert.Equal(0, scheduler.InUse);
    }

    [Fact]
    public void A_call_abandoned_before_anything_was_learned_is_freed_once_enough_calls_have_ended()
    {
        var scheduler = new FairCapacityScheduler(10, Lease);
        scheduler.Request(1, "a", 4, Later);
        scheduler.ReleaseAbandoned(1, 4, Later + TimeSpan.FromSeconds(2), TimeSpan.FromMinutes(5), attemptToken: null);
        scheduler.Expire(Later + TimeSpan.FromSeconds(30));
        Assert.Equal(4, scheduler.InUse);

        var now = EndCalls(scheduler, [.. Enumerable.Repeat(3, 10)]);
        scheduler.Expire(now);

        Assert.Equal(0, scheduler.InUse);
    }

    [Fact]
    public void A_call_abandoned_after_running_longer_than_anything_learned_keeps_the_callers_bound()
    {
        var scheduler = new FairCapacityScheduler(4, Lease);
        var now = EndCalls(scheduler, [.. Enumerable.Repeat(8, 20)]);

        scheduler.Request(1, "a", 4, now);
        scheduler.ReleaseAbandoned(1, 4, now + TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), attemptToken: null);

        scheduler.Expire(now + TimeSpan.FromMinutes(5));
        Assert.Equal(4, scheduler.InUse);
        scheduler.Expire(now + TimeSpan.FromMinutes(6));
        Assert.Equal(0, scheduler.InUse);
    }

    [Fact]
    public void A_grant_no_attempt_claims_in_time_is_taken_back_and_its_job_queued_first_again()
    {
        var scheduler = new FairCapacityScheduler(4, Lease);
        Assert.True(scheduler.Request(1, "a", 4, Later));
        Assert.False(scheduler.Request(2, "a", 4, Later));
        Assert.False(scheduler.Request(3, "b", 4, Later));

        var early = scheduler.Expire(Later + FairCapacityScheduler.UnclaimedGrant - TimeSpan.FromSeconds(1));
        var late = scheduler.Expire(Later + FairCapacityScheduler.UnclaimedGrant);

        Assert.Empty(early.Requeued);
        Assert.Equal([1], late.Requeued);
        Assert.Equal([1], late.Granted);
        Assert.True(scheduler.Request(1, "a", 4, Later + FairCapacityScheduler.UnclaimedGrant, "attempt-1"));
        Assert.Equal([3], scheduler.Release(1, Later + TimeSpan.FromMinutes(2), "attempt-1"));
    }

    /// <summary>Calls that end normally one after the other, lasting the given seconds; returns when the last ended.</summary>
    private static DateTimeOffset EndCalls(FairCapacityScheduler scheduler, int[] seconds)
    {
        var now = Later;
        for (var call = 0; call < seconds.Length; call++)
        {
            scheduler.Request(100 + call, "a", 1, now);
            now += TimeSpan.FromSeconds(seconds[call]);
            scheduler.Release(100 + call, now);
        }

        return now;
    }

    [Fact]
    public void A_dead_silos_call_taken_back_long_after_it_began_is_freed_by_what_was_learned()
    {
        var scheduler = new FairCapacityScheduler(10, Lease);
        var now = EndCalls(scheduler, [.. Enumerable.Repeat(5, 10)]);
        scheduler.Request(1, "a", 4, now, "attempt-on-a-dead-silo");

        scheduler.TakeBack(1, 4, now + TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(5));
        scheduler.Expire(now + TimeSpan.FromSeconds(30));

        Assert.Equal(0, scheduler.InUse);
    }
    [Fact]
    public void A_taken_over_call_read_back_from_the_table_by_a_rebuilt_scheduler_is_counted_once()
    {
        // The take-over notes the dead attempt's call in the row, the capacity grain restarts and reads it back,
        // then the take-over hands the same call in: counting it twice once held 11 images of a 10-image key idle.
        var scheduler = new FairCapacityScheduler(10, Lease);
        scheduler.HoldAbandoned(1, 4, Later, Later + TimeSpan.FromMinutes(2));

        scheduler.TakeBack(1, 4, Later + TimeSpan.FromSeconds(10), TimeSpan.FromMinutes(2));

        Assert.Equal(4, scheduler.InUse);
        Assert.True(scheduler.Request(2, "b", 6, Later + TimeSpan.FromSeconds(10)));
        Assert.Equal(Later, Assert.Single(scheduler.Holds(), h => h.Kind == "abandoned").Since);
    }

    [Fact]
    public void A_call_given_up_on_that_a_rebuilt_scheduler_already_read_back_is_counted_once()
    {
        var scheduler = new FairCapacityScheduler(10, Lease);
        scheduler.HoldAbandoned(1, 3, Later, Later + TimeSpan.FromMinutes(2));

        scheduler.ReleaseAbandoned(1, 3, Later + TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(1), "attempt");

        Assert.Equal(3, scheduler.InUse);
        scheduler.Expire(Later + TimeSpan.FromMinutes(2));
        Assert.Equal(0, scheduler.InUse);
    }

    [Fact]
    public void Calls_of_the_same_job_given_up_on_by_two_attempts_both_count()
    {
        var scheduler = new FairCapacityScheduler(10, Lease);
        scheduler.HoldAbandoned(1, 3, Later, Later + TimeSpan.FromMinutes(2));
        Assert.True(scheduler.Request(1, "a", 3, Later + TimeSpan.FromSeconds(5), "second-attempt"));

        scheduler.ReleaseAbandoned(1, 3, Later + TimeSpan.FromSeconds(20), TimeSpan.FromMinutes(1), "second-attempt");

        Assert.Equal(6, scheduler.InUse);
    }
    [Fact]
    public void A_restarted_scheduler_that_learned_from_earlier_calls_frees_a_dead_silos_calls_soon()
    {
        var scheduler = new FairCapacityScheduler(10, Lease);
        scheduler.LearnFrom(Enumerable.Repeat(TimeSpan.FromSeconds(3), 20));
        scheduler.HoldAbandoned(1, 10, Later, Later + TimeSpan.FromMinutes(6));
        Assert.False(scheduler.Request(2, "b", 1, Later));

        var (_, _, granted) = scheduler.Expire(Later + TimeSpan.FromSeconds(6));

        Assert.Equal([2], granted);
    }
    [Fact]
    public void A_later_smaller_request_uses_units_a_blocked_head_cannot_and_the_head_still_goes_first_once_it_fits()
    {
        var scheduler = new FairCapacityScheduler(4, Lease);
        Assert.True(scheduler.Request(1, "a", 1, Later));
        Assert.True(scheduler.Request(2, "a", 3, Later));
        Assert.False(scheduler.Request(3, "a", 4, Later));
        Assert.False(scheduler.Request(4, "a", 2, Later));

        // Three units free up: the 4-image head cannot use them, the 2-image request behind it can.
        Assert.Equal([4], scheduler.Release(2, Later));
        Assert.Equal(3, scheduler.InUse);

        Assert.Empty(scheduler.Release(1, Later));
        Assert.Equal([3], scheduler.Release(4, Later));
    }

    [Fact]
    public void Later_requests_pass_a_blocked_head_by_one_capacity_at_most()
    {
        var scheduler = new FairCapacityScheduler(4, Lease);
        Assert.True(scheduler.Request(1, "a", 3, Later));
        Assert.True(scheduler.Request(5, "a", 1, Later));
        Assert.False(scheduler.Request(2, "a", 4, Later));
        for (var job = 10; job < 20; job++)
        {
            Assert.False(scheduler.Request(job, "a", 1, Later));
        }

        foreach (var (released, passer) in new[] { (5L, 10L), (10L, 11L), (11L, 12L), (12L, 13L) })
        {
            Assert.Equal([passer], scheduler.Release(released, Later));
        }

        Assert.Empty(scheduler.Release(13, Later));
        Assert.Equal([2], scheduler.Release(1, Later));
    }
    [Fact]
    public void A_taken_over_call_read_back_by_a_rebuilt_scheduler_is_freed_by_what_it_learned_not_held_to_the_bound()
    {
        var scheduler = new FairCapacityScheduler(10, Lease);
        scheduler.LearnFrom(Enumerable.Repeat(TimeSpan.FromSeconds(3), 20));
        scheduler.HoldAbandoned(1, 4, Later, Later + TimeSpan.FromMinutes(5));

        scheduler.TakeBack(1, 4, Later + TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(5));
        scheduler.Expire(Later + TimeSpan.FromSeconds(31));

        Assert.Equal(0, scheduler.InUse);
    }
    [Fact]
    public void A_lease_read_back_after_a_restart_and_let_go_by_the_next_attempt_is_counted_once_and_freed_by_what_was_learned()
    {
        var scheduler = new FairCapacityScheduler(10, Lease);
        scheduler.LearnFrom(Enumerable.Repeat(TimeSpan.FromSeconds(3), 20));
        scheduler.Hold(1, 4, Later, Later + Lease, "dead-attempt");

        Assert.True(scheduler.Request(1, "a", 4, Later + TimeSpan.FromSeconds(17), "next-attempt"));
        scheduler.TakeBack(1, 4, Later + TimeSpan.FromSeconds(17), TimeSpan.FromMinutes(5));

        Assert.Equal(8, scheduler.InUse);
        scheduler.Expire(Later + TimeSpan.FromSeconds(18));
        Assert.Equal(4, scheduler.InUse);
    }
}
