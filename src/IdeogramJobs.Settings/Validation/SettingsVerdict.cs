using IdeogramJobs.Contracts.Settings;
using IdeogramJobs.Settings.Overrides;

namespace IdeogramJobs.Settings.Validation;

/// <summary>
/// The verdict on settings made concrete: Ideogram V3's rules on their values and, for a job, on the
/// prompt it sends. A submission is judged once, on what the job will send. An override the merge
/// refused is not judged again; where the caller gave both sides of an exclusive pair (already
/// reported), the second side is checked on its own, because its value still has to be valid.
/// </summary>
public static class SettingsVerdict
{
    public static IReadOnlyList<SettingsError> OnSettings(MergedSettings merged, JobSettings final)
    {
        ArgumentNullException.ThrowIfNull(merged);
        ArgumentNullException.ThrowIfNull(final);
        var setAside = merged.ConflictingFields;
        var rest = setAside.Aggregate(final, SettingMembers.Without);
        return V3SettingsValidator.Validate(rest)
            .Concat(setAside.SelectMany(name => V3SettingsValidator.Validate(SettingMembers.Only(final, name))))
            .Where(error => !merged.RefusedFields.Any(field => Concerns(error.Field, field)))
            .ToList();
    }

    /// <summary>The settings' verdict and the prompt's: <paramref name="prompt"/> is the one sent, the caller's with the job type's addition.</summary>
    public static IReadOnlyList<SettingsError> OnJob(MergedSettings merged, JobSettings final, string prompt) =>
        [.. OnSettings(merged, final), .. V3SettingsValidator.ValidatePrompt(prompt)];

    /// <summary>True when an error about <paramref name="errorField"/> is about setting <paramref name="name"/> or a part of it.</summary>
    private static bool Concerns(string errorField, string name) =>
        errorField == name
        || (errorField.StartsWith(name, StringComparison.Ordinal) && errorField.Length > name.Length && errorField[name.Length] is '.' or '[');
}
