namespace IdeogramJobs.Api.Images;

/// <summary>The images to put in one zip file (at most 200).</summary>
public sealed record ImageExportRequest(IReadOnlyList<long>? ImageIds);
