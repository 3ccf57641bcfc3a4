using IdeogramJobs.Contracts.Settings;

namespace IdeogramJobs.Contracts.Configurations;

/// <summary>
/// Defaults + overrides: the final settings a job would run with (and the prompt addition, which
/// is appended to the prompt rather than stored in the settings), or every offending field.
/// </summary>
[GenerateSerializer, Immutable, Alias("ideogramjobs.settings-resolution")]
public sealed record SettingsResolution
{
    [Id(0)] public JobSettings? FinalSettings { get; init; }
    [Id(1)] public JobSettings? Overrides { get; init; }
    [Id(2)] public string? CustomPromptAddition { get; init; }
    [Id(3)] public IReadOnlyList<SettingsError> Errors { get; init; } = [];

    /// <summary>The overrides as the caller sent them, normalised: what ssnews_job_execution_settings.user_overrides records.</summary>
    [Id(4)] public string? UserOverridesJson { get; init; }

    public bool Succeeded => FinalSettings is not null && Errors.Count == 0;
}
