using System.Text.Json.Serialization;

namespace IdeogramJobs.Contracts.Settings;

/// <summary>
/// Ideogram V3 generation settings in the job specification's camelCase vocabulary
/// ("16:9", FAST/SLOW, palette members as hex strings). Values are kept as the caller gave
/// them; translation to the wire format happens only when a request is sent.
/// A null member means "not set", so it is left out of stored JSON.
/// </summary>
[GenerateSerializer, Immutable, Alias("ideogramjobs.job-settings")]
public sealed record JobSettings
{
    [Id(0)] public string? StyleType { get; init; }
    [Id(1)] public string? AspectRatio { get; init; }
    [Id(2)] public string? MagicPrompt { get; init; }
    [Id(3)] public string? RenderingSpeed { get; init; }
    [Id(4)] public int? NumImages { get; init; }

    /// <summary>How many images Ideogram makes for these settings: <see cref="NumImages"/>, or its default of one.</summary>
    [JsonIgnore]
    public int ImageCount => NumImages ?? 1;
    [Id(5)] public ColorPalette? ColorPalette { get; init; }
    [Id(6)] public string? NegativePrompt { get; init; }
    [Id(7)] public IReadOnlyList<string>? StyleCodes { get; init; }
    [Id(8)] public long? Seed { get; init; }
    [Id(9)] public string? Resolution { get; init; }
    [Id(10)] public string? StylePreset { get; init; }

    /// <summary>References to stored style images (at most 3), uploaded with the job.</summary>
    [Id(11)] public IReadOnlyList<string>? StyleReferenceImages { get; init; }

    public bool Equals(JobSettings? other) =>
        other is not null
        && StyleType == other.StyleType
        && AspectRatio == other.AspectRatio
        && MagicPrompt == other.MagicPrompt
        && RenderingSpeed == other.RenderingSpeed
        && NumImages == other.NumImages
        && Equals(ColorPalette, other.ColorPalette)
        && NegativePrompt == other.NegativePrompt
        && SequenceEquals(StyleCodes, other.StyleCodes)
        && Seed == other.Seed
        && Resolution == other.Resolution
        && StylePreset == other.StylePreset
        && SequenceEquals(StyleReferenceImages, other.StyleReferenceImages);

    public override int GetHashCode() =>
        HashCode.Combine(StyleType, AspectRatio, MagicPrompt, RenderingSpeed, NumImages, NegativePrompt, Seed, Resolution);

    private static bool SequenceEquals(IReadOnlyList<string>? a, IReadOnlyList<string>? b) =>
        a is null ? b is null : b is not null && a.SequenceEqual(b);
}
