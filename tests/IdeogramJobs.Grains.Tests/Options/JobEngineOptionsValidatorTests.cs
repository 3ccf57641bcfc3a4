using IdeogramJobs.Grains.Options;
using IdeogramJobs.Ideogram.Options;
using Orleans.Configuration;
using MsOptions = Microsoft.Extensions.Options.Options;

namespace IdeogramJobs.Grains.Tests.Options;

public sealed class JobEngineOptionsValidatorTests
{
    [Fact]
    public void The_defaults_are_valid()
    {
        Assert.True(Validate(new JobEngineOptions()).Succeeded);
    }

    [Fact]
    public void A_reminder_period_under_orleans_minimum_is_refused_naming_the_variable_and_the_minimum()
    {
        var result = Validate(new JobEngineOptions { ReminderPeriodSeconds = 30 });

        var failure = Assert.Single(result.Failures!);
        Assert.Contains("JOB_REMINDER_PERIOD_SECONDS", failure);
        Assert.Contains("60", failure);
    }

    [Fact]
    public void A_reminder_period_a_silo_allows_with_a_lower_orleans_minimum_is_accepted()
    {
        var result = Validate(new JobEngineOptions { ReminderPeriodSeconds = 2 }, minimumReminder: TimeSpan.FromSeconds(1));

        Assert.True(result.Succeeded, string.Join("; ", result.Failures ?? []));
    }

    [Fact]
    public void A_per_call_timeout_shorter_than_the_job_timeout_is_refused_because_a_cut_off_generation_is_still_billed()
    {
        var result = Validate(new JobEngineOptions { JobTimeoutSeconds = 300 }, perCallTimeoutSeconds: 120);

        var failure = Assert.Single(result.Failures!);
        Assert.Contains("IDEOGRAM_ATTEMPT_TIMEOUT_SECONDS (120)", failure);
        Assert.Contains("JOB_TIMEOUT_SECONDS (300)", failure);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1001)]
    public void An_interruption_bound_out_of_range_is_refused(int bound)
    {
        var failure = Assert.Single(Validate(new JobEngineOptions { MaxInterruptions = bound }).Failures!);

        Assert.Contains("JOB_MAX_INTERRUPTIONS", failure);
    }

    private static Microsoft.Extensions.Options.ValidateOptionsResult Validate(
        JobEngineOptions options, double perCallTimeoutSeconds = 300, TimeSpan? minimumReminder = null) =>
        new JobEngineOptionsValidator(
            MsOptions.Create(new IdeogramOptions { ApiKey = "k", AttemptTimeoutSeconds = perCallTimeoutSeconds }),
            MsOptions.Create(new ReminderOptions { MinimumReminderPeriod = minimumReminder ?? TimeSpan.FromMinutes(1) }))
            .Validate(null, options);
}
