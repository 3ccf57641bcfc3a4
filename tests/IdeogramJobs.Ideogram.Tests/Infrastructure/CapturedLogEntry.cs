using System.Globalization;

namespace IdeogramJobs.Ideogram.Tests.Infrastructure;

public sealed record CapturedLogEntry(
    string Category, Microsoft.Extensions.Logging.LogLevel Level, string Message, IReadOnlyDictionary<string, object?> Values, string? Exception)
{
    public string FullText =>
        $"{Category} [{Level}] {Message} {string.Join(" ", Values.Select(v => $"{v.Key}={Convert.ToString(v.Value, CultureInfo.InvariantCulture)}"))} {Exception}";
}
