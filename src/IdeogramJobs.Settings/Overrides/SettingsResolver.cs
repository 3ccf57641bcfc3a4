using IdeogramJobs.Contracts.Configurations;
using IdeogramJobs.Contracts.Settings;
using IdeogramJobs.Settings.Validation;

namespace IdeogramJobs.Settings.Overrides;

/// <summary>A job type's defaults + a caller's overrides → the settings a job runs with, or every reason not.</summary>
public static class SettingsResolver
{
    public static SettingsResolution Resolve(JobConfiguration config, string? overridesJson, bool isAdmin)
    {
        ArgumentNullException.ThrowIfNull(config);

        var parsed = OverridesParser.Parse(overridesJson);
        var final = SettingsMerger.Merge(config.DefaultSettings, parsed.Overrides);
        IReadOnlyList<SettingsError> errors = [.. parsed.Errors, .. OverrideValidator.Validate(config, parsed, final, isAdmin)];

        return new SettingsResolution
        {
            FinalSettings = errors.Count == 0 ? final : null,
            Overrides = parsed.Overrides,
            CustomPromptAddition = parsed.CustomPromptAddition,
            Errors = errors,
            UserOverridesJson = parsed.NormalizedJson,
        };
    }
}
