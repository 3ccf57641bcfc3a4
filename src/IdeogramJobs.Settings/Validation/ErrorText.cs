namespace IdeogramJobs.Settings.Validation;

/// <summary>How caller-supplied text is echoed in errors: only its start, so an error stays readable and small.</summary>
internal static class ErrorText
{
    public const int MaxEchoLength = 80;

    public static string Shorten(string text) =>
        text.Length <= MaxEchoLength ? text : string.Concat(text.AsSpan(0, MaxEchoLength), "…");
}
