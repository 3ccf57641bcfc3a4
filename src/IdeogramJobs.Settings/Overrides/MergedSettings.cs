using IdeogramJobs.Contracts.Configurations;
using IdeogramJobs.Contracts.Settings;

namespace IdeogramJobs.Settings.Overrides;

/// <summary>
/// A job type's defaults with a caller's overrides merged on, not yet judged against Ideogram's rules
/// (<see cref="Validation.SettingsVerdict"/> does that, once the settings are concrete). The errors are
/// the overrides' own: what does not parse, what the caller may not override, both sides of an
/// exclusive pair, an overlong prompt addition.
/// </summary>
public sealed record MergedSettings
{
    public required JobSettings Settings { get; init; }
    public JobSettings? Overrides { get; init; }
    public string? CustomPromptAddition { get; init; }

    /// <summary>The overrides as the caller sent them, normalised: what ssnews_job_execution_settings.user_overrides records.</summary>
    public string? UserOverridesJson { get; init; }

    public IReadOnlyList<SettingsError> Errors { get; init; } = [];

    /// <summary>Overrides the caller may not make; already reported, so the verdict says nothing more about them.</summary>
    public IReadOnlyList<string> RefusedFields { get; init; } = [];

    /// <summary>The second side of each exclusive pair the caller gave both sides of; already reported, so the verdict checks it alone.</summary>
    public IReadOnlyList<string> ConflictingFields { get; init; } = [];

    /// <summary>These settings with the verdict's errors after the merge's: the final settings only when nothing at all is wrong.</summary>
    public SettingsResolution Resolved(JobSettings final, IEnumerable<SettingsError> verdict)
    {
        ArgumentNullException.ThrowIfNull(final);
        IReadOnlyList<SettingsError> errors = [.. Errors, .. verdict];
        return new SettingsResolution
        {
            FinalSettings = errors.Count == 0 ? final : null,
            Overrides = Overrides,
            CustomPromptAddition = CustomPromptAddition,
            Errors = errors,
            UserOverridesJson = UserOverridesJson,
        };
    }
}
