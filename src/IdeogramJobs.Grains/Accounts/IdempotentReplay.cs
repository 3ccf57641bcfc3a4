using IdeogramJobs.Contracts.Jobs;
using IdeogramJobs.Database.Jobs;

namespace IdeogramJobs.Grains.Accounts;

/// <summary>
/// The answer to a repeated idempotency key: the first job again when the request is the same, a conflict when it is not.
/// </summary>
public sealed class IdempotentReplay(GrainReferences grains, string accountId)
{
    public async Task<SubmissionResult> AnswerAsync(IdempotencyRecord earlier, string? fingerprint)
    {
        if (earlier.RequestSha256 is { } firstRequest && firstRequest != fingerprint)
        {
            return new SubmissionResult
            {
                Outcome = SubmissionOutcome.IdempotencyConflict,
                JobId = earlier.JobId,
                Message = $"The Idempotency-Key was already used with a different request (job {earlier.JobId}); use a new key for a new request.",
            };
        }

        var snapshot = await grains.Get<IJobGrain>(earlier.JobId).GetAsync(accountId);
        return new SubmissionResult
        {
            Outcome = SubmissionOutcome.Accepted,
            JobId = earlier.JobId,
            Status = snapshot?.Status,
            FinalSettings = snapshot?.FinalSettings,
            Replayed = true,
            Estimate = ReplayedEstimate.Of(snapshot),
        };
    }
}
