using System.Globalization;
using Microsoft.Extensions.Logging;

namespace IdeogramJobs.Testing.Logging;

/// <summary>One log call as written: category, level, formatted message, every structured value and the exception text.</summary>
public sealed record CapturedLogEntry(
    string Category, LogLevel Level, string Message, IReadOnlyList<KeyValuePair<string, object?>> State, string? Exception)
{
    /// <summary>The structured values by name; a name a template uses twice keeps its first value.</summary>
    public IReadOnlyDictionary<string, object?> Values { get; } = ByName(State);

    /// <summary>Everything the entry would put in a log sink, for "never contains" assertions.</summary>
    public string FullText =>
        $"{Category} [{Level}] {Message} {string.Join(" ", State.Select(v => $"{v.Key}={Convert.ToString(v.Value, CultureInfo.InvariantCulture)}"))} {Exception}";

    private static Dictionary<string, object?> ByName(IReadOnlyList<KeyValuePair<string, object?>> state)
    {
        var values = new Dictionary<string, object?>();
        foreach (var (name, value) in state)
        {
            values.TryAdd(name, value);
        }

        return values;
    }
}
