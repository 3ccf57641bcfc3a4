namespace IdeogramJobs.Contracts.OrganisationKeys;

[GenerateSerializer, Immutable, Alias("orgkey.organisation-key-write-result")]
public sealed record OrganisationKeyWriteResult
{
    [Id(0)] public OrganisationKeyWriteOutcome Outcome { get; init; }
    [Id(1)] public OrganisationKeyInfo? Key { get; init; }

    /// <summary>Why it was not done, naming what to fix (a variable, never a value).</summary>
    [Id(2)] public string? Message { get; init; }
}
