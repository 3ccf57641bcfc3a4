using System.Globalization;

namespace IdeogramJobs.Contracts.Settings;

/// <summary>
/// How settings name an entry of the account's brand library: <c>brand:{id}</c> as a style code,
/// a palette name or a style reference image. Keeping the reference inside the setting it stands
/// for keeps one home for settings: the job type's UI schema and merge rules apply unchanged, and
/// the account grain swaps in the concrete value once, at submission.
/// </summary>
public static class BrandReference
{
    public const string Prefix = "brand:";

    public static string Of(long id) => Prefix + id.ToString(CultureInfo.InvariantCulture);

    public static bool IsReference(string? value) => value is not null && value.StartsWith(Prefix, StringComparison.Ordinal);

    public static bool TryParse(string? value, out long id)
    {
        id = 0;
        return IsReference(value)
            && long.TryParse(value.AsSpan(Prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out id)
            && id > 0;
    }

    /// <summary>Whether any setting still names a library entry.</summary>
    public static bool AnyIn(JobSettings settings) =>
        IsReference(settings.ColorPalette?.Name)
        || (settings.StyleCodes?.Any(IsReference) ?? false)
        || (settings.StyleReferenceImages?.Any(IsReference) ?? false);

    /// <summary>Whether the settings name the entry <paramref name="id"/>.</summary>
    public static bool Names(JobSettings settings, long id)
    {
        var reference = Of(id);
        return settings.ColorPalette?.Name == reference
            || (settings.StyleCodes?.Contains(reference) ?? false)
            || (settings.StyleReferenceImages?.Contains(reference) ?? false);
    }
}
