namespace IdeogramJobs.Contracts.Retention;

/// <summary>An account's own retention periods; null keeps the service default.</summary>
[GenerateSerializer, Immutable, Alias("ideogramjobs.retention-override")]
public sealed record RetentionOverride
{
    [Id(0)] public int? RejectedImageDays { get; init; }
    [Id(1)] public int? JobHistoryDays { get; init; }
    [Id(2)] public int? SystemLogDays { get; init; }
    [Id(3)] public int? IdempotencyKeyHours { get; init; }
    [Id(4)] public int? AdmissionRejectionDays { get; init; }
}
