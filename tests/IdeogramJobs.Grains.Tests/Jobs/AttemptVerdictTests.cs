using IdeogramJobs.Contracts.Jobs;
using IdeogramJobs.Contracts.Settings;
using IdeogramJobs.Database.Jobs;
using IdeogramJobs.Grains.Jobs;
using IdeogramJobs.Grains.Options;

namespace IdeogramJobs.Grains.Tests.Jobs;

public sealed class AttemptVerdictTests
{
    private static readonly JobEngineOptions Settings = new()
    {
        RetryMaxAttempts = 3,
        MaxInterruptions = 2,
        JobTimeoutSeconds = 300,
        RetryBaseDelaySeconds = 2,
        RetryMaxDelaySeconds = 60,
    };

    [Fact]
    public void A_completed_attempt_completes_the_job()
    {
        var verdict = Decide(Attempt(), new AttemptOutcome(AttemptEnd.Completed));

        Assert.Equal(AttemptFollowUp.Complete, verdict.FollowUp);
    }

    [Fact]
    public void A_cancel_while_the_attempt_ran_follows_the_row_whatever_the_attempt_says()
    {
        var verdict = Decide(Attempt(), new AttemptOutcome(AttemptEnd.Completed), cancelRequested: true);

        Assert.Equal(AttemptFollowUp.FollowRow, verdict.FollowUp);
    }

    [Fact]
    public void A_lost_attempt_follows_the_row()
    {
        Assert.Equal(AttemptFollowUp.FollowRow, Decide(Attempt(), AttemptOutcome.Lost).FollowUp);
    }

    [Fact]
    public void A_permanent_failure_fails_the_job_without_spending_a_retry()
    {
        var verdict = Decide(Attempt(retries: 1), new AttemptOutcome(AttemptEnd.Failed, "Ideogram refused the prompt."));

        Assert.Equal(AttemptFollowUp.Fail, verdict.FollowUp);
        Assert.Equal("Ideogram refused the prompt.", verdict.Reason);
        Assert.Equal("permanent failure", verdict.Why);
        Assert.Equal(1, verdict.RetryCount);
    }

    [Fact]
    public void A_transient_failure_retries_after_a_backoff_and_spends_a_retry()
    {
        var verdict = Decide(Attempt(), new AttemptOutcome(AttemptEnd.Retry, "Ideogram answered 503."));

        Assert.Equal(AttemptFollowUp.Retry, verdict.FollowUp);
        Assert.False(verdict.Ours);
        Assert.Equal(1, verdict.RetryCount);
        Assert.Equal(0, verdict.Interruptions);
        Assert.Equal(TimeSpan.FromSeconds(2), verdict.Delay);
        Assert.Equal("attempt 1 of 3 failed; retrying in 2 s", verdict.ProgressDetails);
        Assert.Equal("Attempt 1 failed (transient): Ideogram answered 503. Retrying in 2 s.", verdict.Step);
    }

    [Fact]
    public void The_last_transient_failure_gives_up_with_the_retries_made_so_far()
    {
        var verdict = Decide(Attempt(retries: 2), new AttemptOutcome(AttemptEnd.Retry, "Ideogram answered 503."));

        Assert.Equal(AttemptFollowUp.Fail, verdict.FollowUp);
        Assert.Equal("gave up after 3 attempt(s)", verdict.Why);
        Assert.Equal(2, verdict.RetryCount);
    }

    [Fact]
    public void A_timeout_is_the_jobs_own_failure()
    {
        var verdict = Decide(Attempt(), new AttemptOutcome(AttemptEnd.Stopped));

        Assert.Equal(AttemptFollowUp.Retry, verdict.FollowUp);
        Assert.False(verdict.Ours);
        Assert.Equal("The attempt took longer than JOB_TIMEOUT_SECONDS (300 s).", verdict.Reason);
    }

    [Fact]
    public void An_attempt_our_side_stopped_resumes_at_once_without_spending_a_retry()
    {
        var verdict = Decide(Attempt(retries: 1), new AttemptOutcome(AttemptEnd.Stopped), cutOff: true);

        Assert.Equal(AttemptFollowUp.Retry, verdict.FollowUp);
        Assert.True(verdict.Ours);
        Assert.Equal(1, verdict.RetryCount);
        Assert.Equal(1, verdict.Interruptions);
        Assert.Equal(TimeSpan.Zero, verdict.Delay);
        Assert.Equal("The attempt was stopped: its silo is shutting down or moving the job.", verdict.Reason);
        Assert.Equal("attempt 2 was cut off on our side; resuming in 0 s", verdict.ProgressDetails);
    }

    [Fact]
    public void An_interruption_waits_out_the_providers_retry_after()
    {
        var verdict = Decide(Attempt(), new AttemptOutcome(AttemptEnd.Interrupted, "Over the key's in-flight limit.") { RetryAfter = TimeSpan.FromSeconds(7) });

        Assert.True(verdict.Ours);
        Assert.Equal(TimeSpan.FromSeconds(7), verdict.Delay);
    }

    [Fact]
    public void A_job_interrupted_too_often_fails()
    {
        var verdict = Decide(Attempt(interruptions: 2), new AttemptOutcome(AttemptEnd.Stopped), cutOff: true);

        Assert.Equal(AttemptFollowUp.Fail, verdict.FollowUp);
        Assert.Equal("interrupted too often", verdict.Why);
        Assert.Equal("The attempt was stopped: its silo is shutting down or moving the job. The job was interrupted 3 times (JOB_MAX_INTERRUPTIONS = 2).", verdict.Reason);
    }

    private static AttemptVerdict Decide(RunningAttempt attempt, AttemptOutcome outcome, bool cancelRequested = false, bool cutOff = false) =>
        AttemptVerdict.Of(attempt, outcome, cancelRequested, cutOff, Settings, jitterSample: 0.5);

    private static RunningAttempt Attempt(int retries = 0, int interruptions = 0) =>
        new(
            new StoredJob
            {
                JobId = 7,
                AccountId = "account-1",
                Status = JobStatus.Processing,
                ConfigId = 1,
                JobTypeName = "direct",
                Prompt = "a lighthouse",
                FinalSettings = new JobSettings(),
                RetryCount = retries,
                Interruptions = interruptions,
            },
            Token: "token",
            Number: retries + 1,
            ClaimedAt: new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc));
}
