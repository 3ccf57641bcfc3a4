using System.Globalization;
using Microsoft.Extensions.Logging;

namespace IdeogramJobs.Ideogram.Integration.Tests.Infrastructure;

/// <summary>One log entry as written: category, level, formatted message, structured values and exception text.</summary>
public sealed record CapturedLogEntry(
    string Category, LogLevel Level, string Message, IReadOnlyDictionary<string, object?> Values, string? Exception)
{
    /// <summary>Everything the entry would put in a log sink, for "never contains" assertions.</summary>
    public string FullText =>
        $"{Category} [{Level}] {Message} {string.Join(" ", Values.Select(v => $"{v.Key}={Convert.ToString(v.Value, CultureInfo.InvariantCulture)}"))} {Exception}";
}
