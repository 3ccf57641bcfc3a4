using System.Globalization;
using IdeogramJobs.Contracts.Configurations;
using IdeogramJobs.Contracts.Settings;
using IdeogramJobs.Settings.Overrides;

namespace IdeogramJobs.Settings.Validation;

/// <summary>
/// How a UI schema field narrows what the API accepts: a value must be one of the field's options
/// exactly as listed, and a number must lie within its min and max.
/// </summary>
internal static class UiFieldConstraint
{
    /// <summary>
    /// Null when the value of <paramref name="field"/>'s setting in <paramref name="settings"/>
    /// is allowed; otherwise an error reported under <paramref name="errorField"/>.
    /// </summary>
    public static SettingsError? Check(UiField field, JobSettings settings, string errorField)
    {
        var text = SettingMembers.Text(settings, field.Name);
        if (text is null)
        {
            return null;
        }

        if (field.Options is { } options && !options.Contains(text, StringComparer.Ordinal))
        {
            return new SettingsError(errorField,
                $"{field.Name} '{text}' is not offered for this job type; allowed: {string.Join(", ", options)}.",
                text, options);
        }

        if (SettingMembers.Number(settings, field.Name) is { } number
            && ((field.Min is { } min && number < min) || (field.Max is { } max && number > max)))
        {
            var range = $"{Format(field.Min)}..{Format(field.Max)}";
            return new SettingsError(errorField,
                $"{field.Name} {text} is outside this job type's range: use {Format(field.Min)} to {Format(field.Max)}.",
                text, [range]);
        }

        return null;
    }

    private static string Format(double? bound) => bound?.ToString(CultureInfo.InvariantCulture) ?? "any";
}
