using System.Globalization;
using IdeogramJobs.Grains.Options;

namespace IdeogramJobs.Grains.Jobs;

/// <summary>
/// What follows an attempt's outcome, decided from the outcome and the job's counts alone: the job
/// ends, or a retry follows, after a backoff for the job's own failures, at once (or after Retry-After)
/// for ours, which do not spend the job's retries.
/// </summary>
public sealed record AttemptVerdict(AttemptFollowUp FollowUp)
{
    /// <summary>Why the attempt failed: the job's error message.</summary>
    public string Reason { get; init; } = "";

    /// <summary>Why a failure is the job's end, for its log (a permanent failure, retries spent, interrupted too often).</summary>
    public string Why { get; init; } = "";

    /// <summary>The job's retry_count from now on: the retries made, the attempts less the first.</summary>
    public int RetryCount { get; init; }

    public int Interruptions { get; init; }

    /// <summary>Whether our side cut the attempt off, so the retry does not count against the job's.</summary>
    public bool Ours { get; init; }

    /// <summary>How long until the retry.</summary>
    public TimeSpan Delay { get; init; }

    /// <summary>The job's progress details while it waits for the retry.</summary>
    public string ProgressDetails { get; init; } = "";

    /// <summary>The step in the job's system log.</summary>
    public string Step { get; init; } = "";

    /// <summary>The attempt lost the row: nothing more is written, the job follows the row.</summary>
    public static readonly AttemptVerdict FollowTheRow = new(AttemptFollowUp.FollowRow);

    /// <param name="cancelRequested">Whether the job was cancelled while the attempt ran.</param>
    /// <param name="cutOff">Whether a stopped attempt was stopped by our side (its silo stopping or moving the job), not by its timeout.</param>
    /// <param name="jitterSample">A sample in [0, 1) that spreads a backoff (see <see cref="RetryBackoff"/>).</param>
    public static AttemptVerdict Of(RunningAttempt attempt, AttemptOutcome outcome, bool cancelRequested, bool cutOff, JobEngineOptions settings, double jitterSample)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        ArgumentNullException.ThrowIfNull(outcome);
        ArgumentNullException.ThrowIfNull(settings);
        if (cancelRequested || outcome.End == AttemptEnd.Lost)
        {
            return FollowTheRow;
        }

        var (end, reason) = outcome.End switch
        {
            AttemptEnd.Stopped when cutOff => (AttemptEnd.Interrupted, "The attempt was stopped: its silo is shutting down or moving the job."),
            AttemptEnd.Stopped => (AttemptEnd.Retry, string.Create(CultureInfo.InvariantCulture, $"The attempt took longer than JOB_TIMEOUT_SECONDS ({settings.JobTimeoutSeconds:0.###} s).")),
            _ => (outcome.End, outcome.Reason ?? "The attempt failed."),
        };

        return end switch
        {
            AttemptEnd.Completed => new AttemptVerdict(AttemptFollowUp.Complete),
            AttemptEnd.Failed => Failure(reason, "permanent failure", attempt.Job.RetryCount),
            _ => SetBack(attempt, outcome, reason, ours: end == AttemptEnd.Interrupted, settings, jitterSample),
        };
    }

    private static AttemptVerdict SetBack(RunningAttempt attempt, AttemptOutcome outcome, string reason, bool ours, JobEngineOptions settings, double jitterSample)
    {
        var current = attempt.Job;
        var retries = ours ? current.RetryCount : current.RetryCount + 1;
        var interruptions = ours ? current.Interruptions + 1 : current.Interruptions;
        if (!ours && retries >= settings.RetryMaxAttempts)
        {
            // retry_count counts retries made: the attempts less the first.
            return Failure(reason, $"gave up after {retries} attempt(s)", current.RetryCount);
        }

        if (ours && interruptions > settings.MaxInterruptions)
        {
            return Failure($"{reason} The job was interrupted {interruptions} times (JOB_MAX_INTERRUPTIONS = {settings.MaxInterruptions}).", "interrupted too often", retries);
        }

        var delay = ours
            ? outcome.RetryAfter ?? TimeSpan.Zero
            : RetryBackoff.Delay(retries, settings.RetryBaseDelay, settings.RetryMaxDelay, outcome.RetryAfter, jitterSample);
        return new AttemptVerdict(AttemptFollowUp.Retry)
        {
            Reason = reason,
            RetryCount = retries,
            Interruptions = interruptions,
            Ours = ours,
            Delay = delay,
            ProgressDetails = ours
                ? string.Create(CultureInfo.InvariantCulture, $"attempt {attempt.Number} was cut off on our side; resuming in {delay.TotalSeconds:0.#} s")
                : string.Create(CultureInfo.InvariantCulture, $"attempt {attempt.Number} of {settings.RetryMaxAttempts} failed; retrying in {delay.TotalSeconds:0.#} s"),
            Step = ours
                ? $"Attempt {attempt.Number} was cut off on our side (not counted against the job's retries): {reason}"
                : string.Create(CultureInfo.InvariantCulture, $"Attempt {attempt.Number} failed (transient): {reason} Retrying in {delay.TotalSeconds:0.#} s."),
        };
    }

    private static AttemptVerdict Failure(string reason, string why, int retries) =>
        new(AttemptFollowUp.Fail) { Reason = reason, Why = why, RetryCount = retries };
}
