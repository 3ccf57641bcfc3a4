namespace IdeogramJobs.Contracts.Jobs;

/// <summary>
/// A request to run a job type once. The overrides are the caller's JSON object as text: the account
/// grain parses and checks it, so every offending field can be reported at once.
/// </summary>
[GenerateSerializer, Immutable, Alias("ideogramjobs.job-submission")]
public sealed record JobSubmission
{
    [Id(0)] public required string Prompt { get; init; }
    [Id(1)] public int? ConfigId { get; init; }
    [Id(2)] public string? JobTypeName { get; init; }
    [Id(3)] public string? OverridesJson { get; init; }
    [Id(4)] public int Priority { get; init; }
    [Id(5)] public bool IsAdmin { get; init; }
    [Id(6)] public string CreatedBy { get; init; } = "api";

    /// <summary>Style reference images sent with the submission, at most three.</summary>
    [Id(7)] public IReadOnlyList<StyleReferenceUpload> StyleReferenceImages { get; init; } = [];

    /// <summary>The job this one regenerates, when it is a regeneration.</summary>
    [Id(8)] public long? RegeneratedFrom { get; init; }

    /// <summary>Lets a repeated submission return the first job instead of creating another.</summary>
    [Id(9)] public string? IdempotencyKey { get; init; }

    /// <summary>For a regeneration: the seed to replay (exact) or a new one (variations); null replays the settings as recorded.</summary>
    [Id(10)] public RegenerationReplay? Replay { get; init; }

    /// <summary>The character reference image sent with the submission (Ideogram takes exactly one), if any.</summary>
    [Id(11)] public StyleReferenceUpload? CharacterReferenceImage { get; init; }

    /// <summary>The job's own webhook URL (checked by the API), told when the job ends.</summary>
    [Id(12)] public string? WebhookUrl { get; init; }
}
