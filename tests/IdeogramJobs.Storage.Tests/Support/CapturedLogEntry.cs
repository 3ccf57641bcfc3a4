using Microsoft.Extensions.Logging;

namespace IdeogramJobs.Storage.Tests.Support;

/// <summary>One log call as a test sees it: the formatted message, every structured value and the exception.</summary>
public sealed record CapturedLogEntry(string Category, LogLevel Level, string Message, string StateValues, string? Exception)
{
    public string AllText => $"{Category} {Level} {Message} {StateValues} {Exception}";
}
