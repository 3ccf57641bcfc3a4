using IdeogramJobs.Contracts.Configurations;
using IdeogramJobs.Contracts.Settings;
using IdeogramJobs.Settings.Validation;

namespace IdeogramJobs.Settings.Overrides;

/// <summary>A job type's defaults + a caller's overrides → the settings a job runs with, or every reason not.</summary>
public static class SettingsResolver
{
    /// <summary>The merge, then the verdict on the merged settings as they are: what a preview shows.</summary>
    public static SettingsResolution Resolve(JobConfiguration config, string? overridesJson, bool isAdmin)
    {
        var merged = Merge(config, overridesJson, isAdmin);
        return merged.Resolved(merged.Settings, SettingsVerdict.OnSettings(merged, merged.Settings));
    }

    /// <summary>The overrides parsed, checked against the job type and merged onto its defaults; their values are not judged yet.</summary>
    public static MergedSettings Merge(JobConfiguration config, string? overridesJson, bool isAdmin)
    {
        ArgumentNullException.ThrowIfNull(config);

        var parsed = OverridesParser.Parse(overridesJson);
        IReadOnlyList<SettingsError> refused = isAdmin ? [] : OverrideValidator.CheckAgainstSchema(config.UiSchema, parsed.Overrides);
        var conflicts = OverrideValidator.CheckExclusivePairs(parsed.Overrides, [.. refused.Select(e => e.Field)]);
        return new MergedSettings
        {
            Settings = SettingsMerger.Merge(config.DefaultSettings, parsed.Overrides),
            Overrides = parsed.Overrides,
            CustomPromptAddition = parsed.CustomPromptAddition,
            UserOverridesJson = parsed.NormalizedJson,
            Errors = [.. parsed.Errors, .. refused, .. conflicts, .. OverrideValidator.CheckCustomPromptAddition(parsed.CustomPromptAddition)],
            RefusedFields = [.. refused.Select(e => e.Field)],
            ConflictingFields = [.. conflicts.Select(e => e.Field).Distinct(StringComparer.Ordinal)],
        };
    }
}
