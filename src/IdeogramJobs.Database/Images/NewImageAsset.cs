namespace IdeogramJobs.Database.Images;

/// <summary>
/// A stored image to record: source_api 'ideogram', associated_content_type 'ideogram_job'
/// (associated_content_id = job id), status pending_review, and its generation metadata as JSON.
/// </summary>
public sealed record NewImageAsset
{
    public required string AccountId { get; init; }
    public required long JobId { get; init; }
    public required int Index { get; init; }
    public required string Url { get; init; }
    public required string StoragePath { get; init; }
    public string? Prompt { get; init; }
    public long? Seed { get; init; }
    public string? Resolution { get; init; }
    public string? StyleType { get; init; }
    public bool IsImageSafe { get; init; } = true;

    /// <summary>
    /// The attempt recording the image: the row is written only while that attempt owns the job, so a
    /// stale attempt cannot overwrite another's images. Null only for images recorded outside an attempt.
    /// </summary>
    public string? AttemptToken { get; init; }

    /// <summary>Everything else worth keeping about the generation: settings, job type, hash, size.</summary>
    public required GenerationMetadata Generation { get; init; }
}
