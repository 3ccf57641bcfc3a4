namespace IdeogramJobs.Contracts.Jobs;

/// <summary>
/// What a regeneration replayed of its source job. <see cref="Mode"/> is <c>exact</c> (the recorded
/// seed of <see cref="ImageIndex"/>, or the whole job when its settings already fixed the seed) or
/// <c>variations</c> (the recorded settings with a new seed). <see cref="Seed"/> is the seed replayed.
/// </summary>
[GenerateSerializer, Immutable, Alias("ideogramjobs.regeneration-replay")]
public sealed record RegenerationReplay(
    [property: Id(0)] string Mode,
    [property: Id(1)] int? ImageIndex,
    [property: Id(2)] long? Seed)
{
    public const string Exact = "exact";
    public const string Variations = "variations";
}
