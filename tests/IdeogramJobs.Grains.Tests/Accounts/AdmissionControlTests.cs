using IdeogramJobs.Database.Admission;
using IdeogramJobs.Grains.Accounts;
using Microsoft.Extensions.Time.Testing;

namespace IdeogramJobs.Grains.Tests.Accounts;

public sealed class AdmissionControlTests
{
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero));

    private AdmissionControl Control(
        int jobsPerMinute = 100, int jobsPerDay = 10_000, int imagesPerMinute = 1000, int imagesPerDay = 100_000, int quota = 10_000,
        AdmissionHistory? history = null) =>
        new(new AdmissionLimits(jobsPerMinute, jobsPerDay, imagesPerMinute, imagesPerDay, quota, 5), time, history ?? AdmissionHistory.None(time.GetUtcNow()));

    private AdmissionHistory History(int jobsLastMinute = 0, int imagesLastMinute = 0, int jobsLastDay = 0, int imagesLastDay = 0, int imagesSinceMidnight = 0) =>
        new(time.GetUtcNow(), jobsLastMinute, imagesLastMinute, jobsLastDay, imagesLastDay, imagesSinceMidnight);

    [Fact]
    public void Admits_up_to_the_jobs_per_minute_limit_then_says_when_to_retry()
    {
        var control = Control(jobsPerMinute: 3);

        Assert.All(Enumerable.Range(0, 3), _ => Assert.True(control.TryAdmit(1).Admitted));
        var refused = control.TryAdmit(1);

        Assert.False(refused.Admitted);
        Assert.Equal("jobs_per_minute", refused.Limit);
        Assert.Equal(TimeSpan.FromSeconds(20), refused.RetryAfter);
    }

    [Fact]
    public void Tokens_come_back_with_time()
    {
        var control = Control(jobsPerMinute: 3);
        for (var i = 0; i < 3; i++)
        {
            control.TryAdmit(1);
        }

        time.Advance(TimeSpan.FromSeconds(20));

        Assert.True(control.TryAdmit(1).Admitted);
        Assert.False(control.TryAdmit(1).Admitted);
    }

    [Fact]
    public void Images_count_per_image_so_a_large_job_can_be_refused_while_a_small_one_passes()
    {
        var control = Control(imagesPerMinute: 10);
        Assert.True(control.TryAdmit(8).Admitted);

        var refused = control.TryAdmit(4);

        Assert.Equal("images_per_minute", refused.Limit);
        Assert.True(control.TryAdmit(2).Admitted);
    }

    [Fact]
    public void A_refusal_charges_no_limit()
    {
        var control = Control(jobsPerMinute: 2, imagesPerMinute: 4);
        Assert.True(control.TryAdmit(3).Admitted);

        Assert.Equal("images_per_minute", control.TryAdmit(3).Limit);

        Assert.True(control.TryAdmit(1).Admitted);
    }

    [Fact]
    public void The_daily_quota_counts_what_was_used_earlier_today_and_resets_at_utc_midnight()
    {
        var control = Control(quota: 10, history: History(imagesSinceMidnight: 8));

        var refused = control.TryAdmit(4);

        Assert.Equal("daily_image_quota", refused.Limit);
        Assert.Equal(TimeSpan.FromHours(12), refused.RetryAfter);
        time.Advance(TimeSpan.FromHours(12));
        Assert.True(control.TryAdmit(4).Admitted);
    }

    [Fact]
    public void A_request_larger_than_a_bucket_is_refused_with_a_retry_after_of_the_whole_period()
    {
        var refused = Control(imagesPerMinute: 5).TryAdmit(8);

        Assert.Equal("images_per_minute", refused.Limit);
        Assert.Equal(TimeSpan.FromMinutes(1), refused.RetryAfter);
    }

    [Fact]
    public void Jobs_per_day_used_up_before_the_grain_restarted_are_still_used_up()
    {
        var control = Control(jobsPerDay: 5, history: History(jobsLastDay: 5, imagesLastDay: 5));

        var refused = control.TryAdmit(1);

        Assert.Equal("jobs_per_day", refused.Limit);
        Assert.Equal(TimeSpan.FromHours(24.0 / 5), refused.RetryAfter);
    }

    [Fact]
    public void Images_per_day_used_before_the_grain_restarted_leave_only_the_rest()
    {
        var control = Control(imagesPerDay: 10, history: History(jobsLastDay: 2, imagesLastDay: 7));

        Assert.Equal("images_per_day", control.TryAdmit(4).Limit);
        Assert.True(control.TryAdmit(3).Admitted);
        Assert.Equal("images_per_day", control.TryAdmit(1).Limit);
    }

    [Fact]
    public void Jobs_admitted_in_the_minute_before_a_restart_leave_only_the_rest_of_the_minute_limit()
    {
        var control = Control(jobsPerMinute: 3, history: History(jobsLastMinute: 2, imagesLastMinute: 2, jobsLastDay: 2, imagesLastDay: 2));

        Assert.True(control.TryAdmit(1).Admitted);
        var refused = control.TryAdmit(1);

        Assert.Equal("jobs_per_minute", refused.Limit);
        Assert.Equal(TimeSpan.FromSeconds(20), refused.RetryAfter);
    }

    [Fact]
    public void A_limit_lowered_below_what_was_already_admitted_waits_for_one_token_not_for_the_excess()
    {
        var control = Control(jobsPerMinute: 2, history: History(jobsLastMinute: 5, imagesLastMinute: 5, jobsLastDay: 5, imagesLastDay: 5));

        var refused = control.TryAdmit(1);

        Assert.Equal("jobs_per_minute", refused.Limit);
        Assert.Equal(TimeSpan.FromSeconds(30), refused.RetryAfter);
    }

    [Fact]
    public void Buckets_refill_from_the_moment_the_history_was_read()
    {
        var readEarlier = History(jobsLastMinute: 3, imagesLastMinute: 3, jobsLastDay: 3, imagesLastDay: 3);
        time.Advance(TimeSpan.FromSeconds(20));
        var control = Control(jobsPerMinute: 3, history: readEarlier);

        Assert.True(control.TryAdmit(1).Admitted);
        Assert.Equal("jobs_per_minute", control.TryAdmit(1).Limit);
    }

    [Fact]
    public void Images_counted_on_the_day_the_history_was_read_do_not_count_against_the_next_day()
    {
        var lateYesterday = new AdmissionHistory(time.GetUtcNow().AddHours(-12).AddTicks(-1), 0, 0, 1, 10, 10);
        var control = Control(quota: 10, history: lateYesterday);

        Assert.True(control.TryAdmit(4).Admitted);
    }
}
