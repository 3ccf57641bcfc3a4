namespace IdeogramJobs.Contracts.Settings;

/// <summary>
/// A colour palette: either a preset <see cref="Name"/> (EMBER, FRESH, ...) or a list of
/// <see cref="Members"/>. An override replaces the palette whole.
/// </summary>
[GenerateSerializer, Immutable, Alias("ideogramjobs.color-palette")]
public sealed record ColorPalette
{
    [Id(0)] public string? Name { get; init; }
    [Id(1)] public IReadOnlyList<PaletteMember>? Members { get; init; }

    public bool Equals(ColorPalette? other) =>
        other is not null
        && Name == other.Name
        && (Members is null ? other.Members is null : other.Members is not null && Members.SequenceEqual(other.Members));

    public override int GetHashCode() => HashCode.Combine(Name, Members?.Count);
}
