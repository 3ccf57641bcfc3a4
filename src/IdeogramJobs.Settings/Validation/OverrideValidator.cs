using System.Globalization;
using IdeogramJobs.Contracts.Configurations;
using IdeogramJobs.Contracts.Settings;
using IdeogramJobs.Settings.Overrides;

namespace IdeogramJobs.Settings.Validation;

/// <summary>
/// Decides whether a caller may run a job type with these overrides: non-admins only change
/// what the UI schema lists, within its options and range; everyone's final settings must be
/// valid for the Ideogram V3 API. One error per offending field, all of them at once.
/// </summary>
public static class OverrideValidator
{
    /// <summary>Our bound on the text appended to the prompt; the whole prompt is bounded by the caller.</summary>
    public const int MaxCustomPromptAdditionLength = 1_000;

    public static IReadOnlyList<SettingsError> Validate(JobConfiguration config, ParsedOverrides parsed, JobSettings final, bool isAdmin)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(parsed);
        ArgumentNullException.ThrowIfNull(final);

        var errors = new List<SettingsError>();
        var refused = new HashSet<string>(StringComparer.Ordinal);
        if (!isAdmin)
        {
            CheckAgainstSchema(config.UiSchema, parsed.Overrides, errors, refused);
        }

        var bothGiven = ExclusiveSettings.Pairs
            .Where(pair => SettingMembers.IsActive(parsed.Overrides, pair.First) && SettingMembers.IsActive(parsed.Overrides, pair.Second))
            .Where(pair => !refused.Contains(pair.First) && !refused.Contains(pair.Second))
            .ToList();
        foreach (var (first, second) in bothGiven)
        {
            errors.Add(new SettingsError(second,
                $"{first} and {second} were both overridden, but they cannot be used together: override only one of them.",
                SettingMembers.Text(parsed.Overrides, second)));
        }

        errors.AddRange(ApiErrors(final, bothGiven).Where(error => !refused.Any(field => Concerns(error.Field, field))));
        CheckCustomPromptAddition(parsed.CustomPromptAddition, errors);
        return errors;
    }

    private static void CheckAgainstSchema(UiSchema? schema, JobSettings overrides, List<SettingsError> errors, HashSet<string> refused)
    {
        IReadOnlyList<UiField> fields = schema?.Fields ?? [];
        foreach (var name in SettingNames.Members.Where(n => SettingMembers.IsGiven(overrides, n)))
        {
            var field = fields.FirstOrDefault(f => f.Name == name);
            var error = field is null ? NotOverridable(name, fields, overrides) : UiFieldConstraint.Check(field, overrides, name);
            if (error is not null)
            {
                errors.Add(error);
                refused.Add(name);
            }
        }
    }

    private static SettingsError NotOverridable(string name, IReadOnlyList<UiField> fields, JobSettings overrides)
    {
        var allowed = fields.Select(f => f.Name)
            .Where(n => n != SettingNames.Prompt)
            .Append(SettingNames.CustomPromptAddition)
            .Distinct(StringComparer.Ordinal)
            .ToArray();
        return new SettingsError(name,
            $"{name} is not overridable for this job type; allowed: {string.Join(", ", allowed)}.",
            SettingMembers.Text(overrides, name), allowed);
    }

    /// <summary>
    /// The API's verdict on the final settings. Where the caller gave both sides of a pair, that
    /// conflict is already reported, so the second side is checked on its own instead of together
    /// with the first (its value still has to be valid).
    /// </summary>
    private static IEnumerable<SettingsError> ApiErrors(JobSettings final, IReadOnlyList<(string First, string Second)> bothGiven)
    {
        var setAside = bothGiven.Select(pair => pair.Second).Distinct(StringComparer.Ordinal).ToList();
        var rest = setAside.Aggregate(final, SettingMembers.Without);
        return V3SettingsValidator.Validate(rest)
            .Concat(setAside.SelectMany(name => V3SettingsValidator.Validate(SettingMembers.Only(final, name))));
    }

    private static void CheckCustomPromptAddition(string? addition, List<SettingsError> errors)
    {
        if (addition is { Length: > MaxCustomPromptAdditionLength })
        {
            errors.Add(new SettingsError(SettingNames.CustomPromptAddition,
                $"customPromptAddition is {addition.Length.ToString(CultureInfo.InvariantCulture)} characters long; at most {MaxCustomPromptAdditionLength.ToString(CultureInfo.InvariantCulture)} are allowed.",
                ErrorText.Shorten(addition)));
        }
    }

    /// <summary>True when an error about <paramref name="errorField"/> is about setting <paramref name="name"/> or a part of it.</summary>
    private static bool Concerns(string errorField, string name) =>
        errorField == name
        || (errorField.StartsWith(name, StringComparison.Ordinal) && errorField.Length > name.Length && errorField[name.Length] is '.' or '[');
}
