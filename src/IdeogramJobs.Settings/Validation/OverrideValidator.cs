using System.Globalization;
using IdeogramJobs.Contracts.Configurations;
using IdeogramJobs.Contracts.Settings;
using IdeogramJobs.Settings.Overrides;

namespace IdeogramJobs.Settings.Validation;

/// <summary>
/// Decides whether a caller may make these overrides to a job type: non-admins only change what
/// the UI schema lists, within its options and range; nobody overrides both sides of an exclusive
/// pair; the prompt addition is bounded. Each error names the field it is about. Whether the merged
/// values suit Ideogram is <see cref="SettingsVerdict"/>'s to say.
/// </summary>
public static class OverrideValidator
{
    /// <summary>Our bound on the text appended to the prompt; the whole prompt is bounded by the caller.</summary>
    public const int MaxCustomPromptAdditionLength = 1_000;

    /// <summary>One error per override the job type's form does not list or does not allow.</summary>
    public static IReadOnlyList<SettingsError> CheckAgainstSchema(UiSchema? schema, JobSettings overrides)
    {
        ArgumentNullException.ThrowIfNull(overrides);
        IReadOnlyList<UiField> fields = schema?.Fields ?? [];
        var errors = new List<SettingsError>();
        foreach (var name in SettingNames.Members.Where(n => SettingMembers.IsGiven(overrides, n)))
        {
            var field = fields.FirstOrDefault(f => f.Name == name);
            if ((field is null ? NotOverridable(name, fields, overrides) : UiFieldConstraint.Check(field, overrides, name)) is { } error)
            {
                errors.Add(error);
            }
        }

        return errors;
    }

    /// <summary>One error per exclusive pair overridden on both sides, naming the second; a pair with a refused side is left out.</summary>
    public static IReadOnlyList<SettingsError> CheckExclusivePairs(JobSettings overrides, IReadOnlyCollection<string> refused)
    {
        ArgumentNullException.ThrowIfNull(overrides);
        ArgumentNullException.ThrowIfNull(refused);
        return ExclusiveSettings.Pairs
            .Where(pair => SettingMembers.IsActive(overrides, pair.First) && SettingMembers.IsActive(overrides, pair.Second))
            .Where(pair => !refused.Contains(pair.First) && !refused.Contains(pair.Second))
            .Select(pair => new SettingsError(pair.Second,
                $"{pair.First} and {pair.Second} were both overridden, but they cannot be used together: override only one of them.",
                SettingMembers.Text(overrides, pair.Second)))
            .ToList();
    }

    public static IReadOnlyList<SettingsError> CheckCustomPromptAddition(string? addition) =>
        addition is { Length: > MaxCustomPromptAdditionLength }
            ? [new SettingsError(SettingNames.CustomPromptAddition,
                $"customPromptAddition is {addition.Length.ToString(CultureInfo.InvariantCulture)} characters long; at most {MaxCustomPromptAdditionLength.ToString(CultureInfo.InvariantCulture)} are allowed.",
                ErrorText.Shorten(addition))]
            : [];

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
}
