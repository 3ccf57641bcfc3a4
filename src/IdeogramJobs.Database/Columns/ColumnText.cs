namespace IdeogramJobs.Database.Columns;

/// <summary>
/// Fits text into a bounded column. Strict SQL mode refuses a value that is too long, and a failed
/// job must still be recorded when its error message is huge, so text is cut rather than refused.
/// </summary>
internal static class ColumnText
{
    /// <summary>A TEXT column holds 65,535 bytes: this many characters fit even at 4 bytes each.</summary>
    public const int TextChars = 16_000;

    public static string Cut(string value, int maxChars)
    {
        if (value.Length <= maxChars)
        {
            return value;
        }

        // Never keep half of a surrogate pair: the server would refuse the broken character.
        var length = char.IsHighSurrogate(value[maxChars - 1]) ? maxChars - 1 : maxChars;
        return value[..length];
    }

    public static string? CutOrNull(string? value, int maxChars) => value is null ? null : Cut(value, maxChars);
}
