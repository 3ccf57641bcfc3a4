namespace IdeogramJobs.Ideogram;

/// <summary>A finished generation: when Ideogram created it and every image, in the order returned.</summary>
public sealed record IdeogramGeneration(DateTimeOffset Created, IReadOnlyList<GeneratedImage> Images);
