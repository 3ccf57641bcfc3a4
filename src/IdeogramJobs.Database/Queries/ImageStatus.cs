namespace IdeogramJobs.Database.Queries;

/// <summary>ssnews_image_assets.status.</summary>
public enum ImageStatus
{
    PendingReview,
    Approved,
    Rejected,
    Archived,
}
