using IdeogramJobs.Contracts.Settings;

namespace IdeogramJobs.Database.Jobs;

/// <summary>
/// A job to insert. <see cref="Prompt"/> is the caller's prompt; the payload JSON records it with
/// the job type, the prompt addition, style references, regeneration source and idempotency key.
/// </summary>
public sealed record NewJob
{
    public required string AccountId { get; init; }
    public required int ConfigId { get; init; }
    public required string JobTypeName { get; init; }
    public required string Prompt { get; init; }
    public string? CustomPromptAddition { get; init; }
    public int Priority { get; init; }
    public int MaxRetries { get; init; } = 3;
    public string CreatedBy { get; init; } = "api";
    public required JobSettings FinalSettings { get; init; }

    /// <summary>The caller's overrides as recorded in user_overrides (JSON object text), or null.</summary>
    public string? UserOverridesJson { get; init; }
    /// <summary>Style reference images kept with the job (ssnews_job_style_references), in order.</summary>
    public IReadOnlyList<IdeogramJobs.Contracts.Jobs.StyleReferenceUpload> StyleReferenceImages { get; init; } = [];
    /// <summary>The character reference image kept with the job (ssnews_job_character_references), if any.</summary>
    public IdeogramJobs.Contracts.Jobs.StyleReferenceUpload? CharacterReferenceImage { get; init; }
    public long? RegeneratedFrom { get; init; }
    public IdeogramJobs.Contracts.Jobs.RegenerationReplay? Replay { get; init; }
    public string? IdempotencyKey { get; init; }

    /// <summary>What the job is expected to cost; its unit price is what each generation is billed at.</summary>
    public IdeogramJobs.Contracts.Costs.CostEstimate? Estimate { get; init; }

    /// <summary>The job's own webhook URL (already checked), told when the job ends.</summary>
    public string? WebhookUrl { get; init; }

    /// <summary>SHA-256 (hex) of the submission the idempotency key came with.</summary>
    public string? RequestSha256 { get; init; }
}
