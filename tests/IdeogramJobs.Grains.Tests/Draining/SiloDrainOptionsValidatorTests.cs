using IdeogramJobs.Grains.Draining;

namespace IdeogramJobs.Grains.Tests.Draining;

public sealed class SiloDrainOptionsValidatorTests
{
    [Theory]
    [InlineData(-1)]
    [InlineData(3601)]
    public void A_drain_bound_out_of_range_is_refused_naming_the_variable(double seconds)
    {
        var result = new SiloDrainOptionsValidator().Validate(null, new SiloDrainOptions { DrainSeconds = seconds });

        Assert.True(result.Failed);
        Assert.Contains("SILO_DRAIN_SECONDS", result.FailureMessage);
    }

    [Fact]
    public void The_hosts_shutdown_bound_leaves_time_after_the_drain_to_hand_over_and_leave_the_cluster()
    {
        var options = new SiloDrainOptions { DrainSeconds = 60 };

        Assert.True(new SiloDrainOptionsValidator().Validate(null, options).Succeeded);
        Assert.Equal(TimeSpan.FromSeconds(90), options.ShutdownTimeout);
    }
}
