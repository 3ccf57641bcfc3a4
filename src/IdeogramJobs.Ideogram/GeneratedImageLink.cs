namespace IdeogramJobs.Ideogram;

/// <summary>
/// One image of Ideogram's answer before it is downloaded: its URL (valid for a limited time; none
/// when Ideogram withheld the image as unsafe) and what Ideogram says about it.
/// </summary>
public sealed record GeneratedImageLink(
    Uri? Url, string Prompt, string? Resolution, long? Seed, string? StyleType, bool IsImageSafe);
