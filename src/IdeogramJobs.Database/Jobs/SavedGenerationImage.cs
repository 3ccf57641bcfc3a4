namespace IdeogramJobs.Database.Jobs;

/// <summary>One image of a saved generation; no URL when Ideogram withheld it as unsafe.</summary>
public sealed record SavedGenerationImage(string? Url, string Prompt, string? Resolution, long? Seed, string? StyleType, bool IsImageSafe);
