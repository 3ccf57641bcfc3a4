namespace IdeogramJobs.Api.Ideogram;

/// <summary>The bounds the service enforces on V3 settings and inputs.</summary>
public sealed record V3Limits
{
    public required int MinNumImages { get; init; }
    public required int MaxNumImages { get; init; }
    public required int MaxPromptLength { get; init; }
    public required int MaxNegativePromptLength { get; init; }
    public required int MaxStyleReferenceImages { get; init; }
    public required long MaxStyleReferenceTotalBytes { get; init; }
    public required IReadOnlyList<string> StyleReferenceContentTypes { get; init; }
    public required int MinPaletteMembers { get; init; }
    public required int MaxPaletteMembers { get; init; }
    public required double MinColorWeight { get; init; }
    public required double MaxColorWeight { get; init; }
    public required int MaxStyleCodes { get; init; }
    public required long MinSeed { get; init; }
    public required long MaxSeed { get; init; }
}
