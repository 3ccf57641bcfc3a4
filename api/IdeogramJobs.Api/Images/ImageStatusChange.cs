using IdeogramJobs.Database.Queries;

namespace IdeogramJobs.Api.Images;

/// <summary>The images whose status was set.</summary>
public sealed record ImageStatusChange(IReadOnlyList<long> ImageIds, ImageStatus Status);
