using IdeogramJobs.Grains.Accounts;
using Microsoft.Extensions.Time.Testing;

namespace IdeogramJobs.Grains.Tests.Accounts;

public sealed class AdmissionControlTests
{
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero));

    private AdmissionControl Control(int jobsPerMinute = 100, int imagesPerMinute = 1000, int quota = 10_000, int usedToday = 0) =>
        new(new AdmissionLimits(jobsPerMinute, 10_000, imagesPerMinute, 100_000, quota, 5), time, usedToday);

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
        var control = Control(quota: 10, usedToday: 8);

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
}
