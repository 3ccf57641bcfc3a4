namespace IdeogramJobs.Contracts.OrganisationKeys;

/// <summary>
/// Image jobs created in the range and what became of them: completed, failed (the failures), cancelled, and the
/// images stored. Jobs still queued or running count in <see cref="Jobs"/> only.
/// </summary>
[GenerateSerializer, Immutable, Alias("orgkey.key-usage-figures")]
public sealed record KeyUsageFigures
{
    [Id(0)] public int Jobs { get; init; }
    [Id(1)] public int Completed { get; init; }
    [Id(2)] public int Failed { get; init; }
    [Id(3)] public int Cancelled { get; init; }
    [Id(4)] public int Images { get; init; }
}
