using System.Globalization;

namespace IdeogramJobs.Ideogram.Simulator.Options;

/// <summary>
/// Reads SIMULATOR_KEY_INFLIGHT_LIMITS, <c>key1=4,key2=6</c>: Ideogram raises the in-flight limit per
/// customer, so a key may have its own. Failures name an entry by its position, never by its key.
/// </summary>
public static class PerKeyInflightLimits
{
    public const string Variable = "SIMULATOR_KEY_INFLIGHT_LIMITS";

    public static (IReadOnlyDictionary<string, int> Limits, IReadOnlyList<string> Failures) Parse(string? text)
    {
        var limits = new Dictionary<string, int>(StringComparer.Ordinal);
        var failures = new List<string>();
        var entries = (text ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        for (var index = 0; index < entries.Length; index++)
        {
            var position = index + 1;
            // The limit follows the last '=' so that a key may itself contain '='.
            var separator = entries[index].LastIndexOf('=');
            if (separator <= 0)
            {
                failures.Add($"{Variable} (keyInflightLimits) entry {position} must be key=limit.");
                continue;
            }
            var key = entries[index][..separator].Trim();
            var limitText = entries[index][(separator + 1)..].Trim();
            if (!int.TryParse(limitText, NumberStyles.None, CultureInfo.InvariantCulture, out var limit) || limit < 1)
            {
                failures.Add($"{Variable} (keyInflightLimits) entry {position} must have a whole-number limit of at least 1, got '{limitText}'.");
            }
            else if (!limits.TryAdd(key, limit))
            {
                failures.Add($"{Variable} (keyInflightLimits) entry {position} repeats the key of an earlier entry.");
            }
        }
        return (limits, failures);
    }

    /// <summary>Writes <paramref name="limits"/> back in the variable's format.</summary>
    public static string Format(IEnumerable<KeyValuePair<string, int>> limits) =>
        string.Join(",", limits.Select(pair => pair.Key + "=" + pair.Value.ToString(CultureInfo.InvariantCulture)));
}
