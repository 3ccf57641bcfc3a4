using IdeogramJobs.Contracts.Settings;

namespace IdeogramJobs.Settings.Overrides;

/// <summary>
/// A caller's overrides object, read: the settings it sets (members it did not set, or set with
/// the wrong JSON type, are null), the prompt addition, the object as text for
/// ssnews_job_execution_settings.user_overrides, and every problem found while reading it.
/// </summary>
public sealed record ParsedOverrides(
    JobSettings Overrides,
    string? CustomPromptAddition,
    string NormalizedJson,
    IReadOnlyList<SettingsError> Errors)
{
    public static ParsedOverrides None { get; } = new(new JobSettings(), null, "{}", []);
}
