using IdeogramJobs.Database.Queries;

namespace IdeogramJobs.Api.Images;

/// <summary>Set the review status of several images at once.</summary>
public sealed record ImageStatusRequest(IReadOnlyList<long>? ImageIds, ImageStatus? Status);
