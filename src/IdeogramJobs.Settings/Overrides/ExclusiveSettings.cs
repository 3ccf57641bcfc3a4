namespace IdeogramJobs.Settings.Overrides;

/// <summary>
/// Settings that cannot be sent together (reference/ideogram-v3-api.md §4, and our rule of one
/// style source), and which defaults an override therefore displaces.
/// </summary>
internal static class ExclusiveSettings
{
    /// <summary>
    /// The pairs V3SettingsValidator refuses together. The second member of each pair is the one
    /// that validator names in its error.
    /// </summary>
    public static IReadOnlyList<(string First, string Second)> Pairs { get; } =
    [
        (SettingNames.AspectRatio, SettingNames.Resolution),
        (SettingNames.StyleType, SettingNames.StyleCodes),
        (SettingNames.StylePreset, SettingNames.StyleCodes),
        (SettingNames.StyleCodes, SettingNames.StyleReferenceImages),
        (SettingNames.StylePreset, SettingNames.StyleReferenceImages),
    ];

    /// <summary>
    /// The defaults an override of <paramref name="name"/> pushes out: the other side of each
    /// pair, and for reference images also the default style type, because Ideogram offers
    /// references only with style Auto/General or none, so a job type's DESIGN or REALISTIC would
    /// fight the user's images.
    /// </summary>
    public static IEnumerable<string> DisplacedBy(string name)
    {
        foreach (var (first, second) in Pairs)
        {
            if (first == name)
            {
                yield return second;
            }
            else if (second == name)
            {
                yield return first;
            }
        }

        if (name == SettingNames.StyleReferenceImages)
        {
            yield return SettingNames.StyleType;
        }
    }
}
