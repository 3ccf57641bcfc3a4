using IdeogramJobs.Contracts.Jobs;
using IdeogramJobs.Contracts.Settings;

namespace IdeogramJobs.Database.Jobs;

/// <summary>A job as its rows hold it.</summary>
public sealed record StoredJob
{
    public required long JobId { get; init; }
    public required string AccountId { get; init; }
    public required JobStatus Status { get; init; }
    public required int ConfigId { get; init; }
    public required string JobTypeName { get; init; }
    public required string Prompt { get; init; }
    public string? CustomPromptAddition { get; init; }
    public int Priority { get; init; }
    public int ProgressPercentage { get; init; }
    public string? ProgressDetails { get; init; }
    public int RetryCount { get; init; }
    public int MaxRetries { get; init; }
    public string? ErrorMessage { get; init; }
    public string? WorkerId { get; init; }
    public DateTime CreatedAt { get; init; }
    public DateTime? StartedAt { get; init; }
    public DateTime? CompletedAt { get; init; }
    public required JobSettings FinalSettings { get; init; }
    public string? UserOverridesJson { get; init; }
    public IReadOnlyList<string> StyleReferenceImages { get; init; } = [];
    /// <summary>The file name of the character reference image kept with the job, or null when it has none.</summary>
    public string? CharacterReferenceImage { get; init; }
    public long? RegeneratedFrom { get; init; }
    public RegenerationReplay? Replay { get; init; }
    public IReadOnlyList<JobImage> Images { get; init; } = [];

    /// <summary>The attempt that owns the row now, if any (see <see cref="AttemptClaim"/>).</summary>
    public string? AttemptToken { get; init; }
    public DateTime? AttemptDeadline { get; init; }

    /// <summary>When the job first asked for Ideogram capacity; null until dispatched.</summary>
    public DateTime? DispatchedAt { get; init; }

    /// <summary>When a retry is due after a backoff; null when none is scheduled.</summary>
    public DateTime? NextAttemptAt { get; init; }

    /// <summary>Attempts cut off by our own infrastructure, which do not spend the job's retries.</summary>
    public int Interruptions { get; init; }

    /// <summary>Whether Ideogram's answer is saved, so no further attempt generates again.</summary>
    public bool HasGeneration { get; init; }

    /// <summary>The Ideogram key identity the job is pinned to (ideogram_job_keys), null until it first asks for capacity.</summary>
    public string? PinnedKeyIdentity { get; init; }

    /// <summary>The job's estimate, cost and billed amounts (ssnews_jobs money columns), null when none is recorded.</summary>
    public IdeogramJobs.Contracts.Costs.JobCost? Cost { get; init; }

    /// <summary>The text sent to Ideogram: the prompt, then the addition when there is one.</summary>
    public string EffectivePrompt => string.IsNullOrWhiteSpace(CustomPromptAddition) ? Prompt : $"{Prompt} {CustomPromptAddition}";
}
