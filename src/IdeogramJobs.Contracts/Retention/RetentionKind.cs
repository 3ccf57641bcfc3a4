namespace IdeogramJobs.Contracts.Retention;

/// <summary>What a retention run deletes; each kind is counted on its own, so a dry run and a run compare kind by kind.</summary>
public enum RetentionKind
{
    /// <summary>Rejected images past their period, of any job.</summary>
    RejectedImages,

    /// <summary>Finished jobs past their period.</summary>
    Jobs,

    /// <summary>The other images of those jobs, deleted with them.</summary>
    JobImages,

    /// <summary>Style-reference images submitted with those jobs, deleted with them.</summary>
    StyleReferences,

    SystemLogs,

    IdempotencyKeys,

    AdmissionRejections,
}
