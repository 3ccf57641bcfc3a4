using IdeogramJobs.Contracts.Settings;
using IdeogramJobs.Database.Queries;

namespace IdeogramJobs.Api.Images;

/// <summary>A generated image as the API shows it; a thumbnail URL when Sirv can size it.</summary>
public sealed record ImageResponse(
    long ImageId,
    long JobId,
    int Index,
    string Url,
    string? ThumbnailUrl,
    ImageStatus Status,
    string? JobType,
    string? Prompt,
    long? Seed,
    string? Resolution,
    string? StyleType,
    JobSettings? FinalSettings,
    DateTime CreatedAt);
