
namespace IdeogramJobs.Database.Queries;

/// <summary><see cref="ImageStatus"/> as ssnews_image_assets.status spells it.</summary>
internal static class ImageStatusValues
{
    public static string ToDatabase(this ImageStatus status) => status switch
    {
        ImageStatus.PendingReview => "pending_review",
        ImageStatus.Approved => "approved",
        ImageStatus.Rejected => "rejected",
        ImageStatus.Archived => "archived",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Not an image status."),
    };

    public static ImageStatus FromDatabase(string value) => value switch
    {
        "pending_review" => ImageStatus.PendingReview,
        "approved" => ImageStatus.Approved,
        "rejected" => ImageStatus.Rejected,
        "archived" => ImageStatus.Archived,
        _ => throw new ArgumentException($"'{value}' is not an image status.", nameof(value)),
    };
}
