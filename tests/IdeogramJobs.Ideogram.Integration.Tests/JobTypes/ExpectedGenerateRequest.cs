namespace IdeogramJobs.Ideogram.Integration.Tests.JobTypes;

/// <summary>
/// What Ideogram must receive for one generation: every multipart field as (name, value), nothing
/// else, and what must come back: the image count, the resolution the aspect ratio stands for and
/// the style type echoed.
/// </summary>
public sealed record ExpectedGenerateRequest(
    IReadOnlyList<(string Name, string Value)> Fields, int NumImages, string Resolution, string StyleType);
