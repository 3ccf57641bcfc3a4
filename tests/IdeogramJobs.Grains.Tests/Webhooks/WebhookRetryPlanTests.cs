using IdeogramJobs.Database.Webhooks;
using IdeogramJobs.Grains.Webhooks;

namespace IdeogramJobs.Grains.Tests.Webhooks;

public sealed class WebhookRetryPlanTests
{
    private static readonly DateTime Now = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    private static readonly WebhookOptions Settings = new() { RetryBaseSeconds = 10, RetryMaxSeconds = 3600, RetryHours = 24 };

    [Theory]
    [InlineData(1, 10)]
    [InlineData(2, 20)]
    [InlineData(3, 40)]
    [InlineData(8, 1280)]
    [InlineData(20, 3600)]
    public void Each_failed_attempt_doubles_the_wait_up_to_the_maximum(int attempt, double seconds)
    {
        Assert.Equal(Now.AddSeconds(seconds), WebhookRetryPlan.Next(attempt, Now, Now.AddHours(24), Settings, jitterSample: 0.5));
    }

    [Fact]
    public void Jitter_spreads_retries_so_receivers_are_not_hit_in_step()
    {
        Assert.Equal(Now.AddSeconds(16), WebhookRetryPlan.Next(2, Now, Now.AddHours(24), Settings, jitterSample: 0));
        Assert.Equal(Now.AddSeconds(24), WebhookRetryPlan.Next(2, Now, Now.AddHours(24), Settings, jitterSample: 1));
    }

    [Fact]
    public void A_delivery_is_given_up_when_the_next_attempt_would_fall_after_its_window()
    {
        Assert.Null(WebhookRetryPlan.Next(20, Now, Now.AddMinutes(30), Settings, jitterSample: 0.5));
    }

    [Fact]
    public void The_default_schedule_keeps_retrying_for_a_day()
    {
        var at = Now;
        var until = Now.AddHours(24);
        var attempts = 0;
        while (WebhookRetryPlan.Next(attempts + 1, at, until, new WebhookOptions(), jitterSample: 0.5) is { } next)
        {
            at = next;
            attempts++;
        }

        Assert.InRange(until - at, TimeSpan.Zero, TimeSpan.FromHours(1));
        Assert.InRange(attempts, 25, 40);
    }
}
