namespace IdeogramJobs.Api.Ideogram;

/// <summary>A core V3 style as the job specification presents it to people.</summary>
public sealed record V3Style(string Value, string Label, string Category)
{
    /// <summary>The specification's four core styles, in its order.</summary>
    public static IReadOnlyList<V3Style> Core { get; } =
    [
        new("AUTO", "Auto (AI Decides)", "intelligent"),
        new("GENERAL", "General", "artistic"),
        new("REALISTIC", "Realistic", "photographic"),
        new("DESIGN", "Design", "commercial"),
    ];
}
