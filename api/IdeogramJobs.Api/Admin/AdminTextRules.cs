using System.Globalization;
using System.Text.RegularExpressions;
using IdeogramJobs.Contracts.Settings;

namespace IdeogramJobs.Api.Admin;

/// <summary>The checks admin requests share: slugs and human-readable names.</summary>
public static partial class AdminTextRules
{
    public const string SlugDescription = "1 to 63 lower-case letters, digits or '-', starting with a letter or digit";

    public static void CheckSlug(List<SettingsError> errors, string field, string? slug)
    {
        if (slug is null || !Slug().IsMatch(slug))
        {
            errors.Add(new SettingsError(field, $"{field} must be {SlugDescription}, e.g. acme-marketing.", Shown(slug)));
        }
    }

    /// <summary>A name people read: 1 to <paramref name="maxLength"/> characters, not only spaces, no control characters.</summary>
    public static void CheckName(List<SettingsError> errors, string field, string? name, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            errors.Add(new SettingsError(field, $"{field} is required."));
        }
        else if (name.Length > maxLength)
        {
            errors.Add(new SettingsError(field,
                string.Create(CultureInfo.InvariantCulture, $"{field} is {name.Length} characters long; at most {maxLength} are allowed."),
                Shown(name)));
        }
        else if (name.Any(char.IsControl))
        {
            errors.Add(new SettingsError(field, $"{field} must not contain control characters such as line breaks.", Shown(name)));
        }
    }

    /// <summary>Enough of a refused value to recognise it, never a whole large input.</summary>
    public static string? Shown(string? value) => value is { Length: > 80 } ? value[..80] + "…" : value;

    [GeneratedRegex(@"^[a-z0-9][a-z0-9-]{0,62}\z")]
    private static partial Regex Slug();
}
