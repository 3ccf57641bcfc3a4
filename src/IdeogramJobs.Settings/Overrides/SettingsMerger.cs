using IdeogramJobs.Contracts.Settings;

namespace IdeogramJobs.Settings.Overrides;

/// <summary>
/// Final settings = a job type's defaults with each overridden member replaced (a palette whole).
/// A user's explicit choice also removes a default it cannot be sent with (an overridden
/// resolution removes the default aspect ratio, style codes remove the default style type and
/// preset, ...); when the user sets both sides the conflict stays for the validator to report.
/// </summary>
public static class SettingsMerger
{
    public static JobSettings Merge(JobSettings defaults, JobSettings overrides)
    {
        ArgumentNullException.ThrowIfNull(defaults);
        ArgumentNullException.ThrowIfNull(overrides);

        var merged = defaults;
        foreach (var name in SettingNames.Members.Where(n => SettingMembers.IsActive(overrides, n)))
        {
            foreach (var displaced in ExclusiveSettings.DisplacedBy(name))
            {
                if (!SettingMembers.IsGiven(overrides, displaced) && SettingMembers.IsActive(merged, displaced))
                {
                    merged = SettingMembers.Without(merged, displaced);
                }
            }
        }

        foreach (var name in SettingNames.Members.Where(n => SettingMembers.IsGiven(overrides, n)))
        {
            merged = SettingMembers.Copy(overrides, merged, name);
        }

        return merged;
    }
}
