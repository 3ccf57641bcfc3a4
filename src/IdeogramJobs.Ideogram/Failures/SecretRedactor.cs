namespace IdeogramJobs.Ideogram.Failures;

/// <summary>
/// Removes the API key from text that came from elsewhere (a provider error body, a transport
/// exception) before it goes into an exception message or a log line.
/// </summary>
internal static class SecretRedactor
{
    public const string Placeholder = "[redacted]";

    public static string Redact(string text, string? secret) =>
        string.IsNullOrEmpty(secret) ? text : text.Replace(secret, Placeholder, StringComparison.Ordinal);
}
