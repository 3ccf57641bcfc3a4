using IdeogramJobs.Contracts.Retention;

namespace IdeogramJobs.Database.Retention;

/// <summary>The instants before which each kind of row is past its period (UTC).</summary>
public sealed record RetentionCutoffs(DateTime RejectedImages, DateTime Jobs, DateTime SystemLogs, DateTime IdempotencyKeys, DateTime AdmissionRejections)
{
    public static RetentionCutoffs From(RetentionPolicy policy, DateTime nowUtc) => new(
        nowUtc.AddDays(-policy.RejectedImageDays),
        nowUtc.AddDays(-policy.JobHistoryDays),
        nowUtc.AddDays(-policy.SystemLogDays),
        nowUtc.AddHours(-policy.IdempotencyKeyHours),
        nowUtc.AddDays(-policy.AdmissionRejectionDays));
}
