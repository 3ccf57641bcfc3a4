namespace IdeogramJobs.Contracts.Queries;

/// <summary>ssnews_image_assets.status.</summary>
[GenerateSerializer, Alias("ideogramjobs.image-status")]
public enum ImageStatus
{
    PendingReview,
    Approved,
    Rejected,
    Archived,
}
