namespace IdeogramJobs.Api.Brand;

/// <summary>A style reference image's new name (its bytes never change: add a new entry for a new image).</summary>
public sealed record BrandRenameRequest(string? Name);
