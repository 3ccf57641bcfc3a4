namespace IdeogramJobs.Contracts.Retention;

/// <summary>How long an account's rows are kept: the service defaults with the account's overrides applied.</summary>
[GenerateSerializer, Immutable, Alias("ideogramjobs.retention-policy")]
public sealed record RetentionPolicy
{
    /// <summary>Rejected images (row and file) older than this are deleted, whatever their job.</summary>
    [Id(0)] public required int RejectedImageDays { get; init; }

    /// <summary>Finished jobs older than this are deleted with their images, settings, style references and logs.</summary>
    [Id(1)] public required int JobHistoryDays { get; init; }

    [Id(2)] public required int SystemLogDays { get; init; }

    [Id(3)] public required int IdempotencyKeyHours { get; init; }

    [Id(4)] public required int AdmissionRejectionDays { get; init; }

    /// <summary>This policy with each value the override sets replacing the policy's own.</summary>
    public RetentionPolicy With(RetentionOverride? overrides) => overrides is null ? this : new()
    {
        RejectedImageDays = overrides.RejectedImageDays ?? RejectedImageDays,
        JobHistoryDays = overrides.JobHistoryDays ?? JobHistoryDays,
        SystemLogDays = overrides.SystemLogDays ?? SystemLogDays,
        IdempotencyKeyHours = overrides.IdempotencyKeyHours ?? IdempotencyKeyHours,
        AdmissionRejectionDays = overrides.AdmissionRejectionDays ?? AdmissionRejectionDays,
    };
}
