using System.Globalization;

namespace IdeogramJobs.Benchmarks.Deployment;

/// <summary>One read of a process's Prometheus endpoint (the silo's /metrics on SILO_HTTP_PORT): its samples by series.</summary>
public sealed class PrometheusScrape(IReadOnlyDictionary<string, double> samples)
{
    public static async Task<PrometheusScrape> ReadAsync(HttpClient client, string path, CancellationToken cancellationToken)
    {
        var text = await client.GetStringAsync(path, cancellationToken);
        var samples = new Dictionary<string, double>();
        foreach (var line in text.Split('\n'))
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            // "name{labels} value [timestamp]": the labels may hold spaces, the value and timestamp do not.
            var end = line.LastIndexOf('}');
            var parts = line[(end + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length > 0 && double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                samples[end < 0 ? line[..line.IndexOf(' ', StringComparison.Ordinal)] : line[..(end + 1)]] = value;
            }
        }

        return new PrometheusScrape(samples);
    }

    /// <summary>The sum of every series of the metric <paramref name="name"/> (whatever its labels); null when it has none.</summary>
    public double? Sum(string name)
    {
        var series = samples.Where(s => s.Key == name || s.Key.StartsWith(name + "{", StringComparison.Ordinal)).ToList();
        return series.Count == 0 ? null : series.Sum(s => s.Value);
    }

    /// <summary>The metric names of the scrape that start with <paramref name="prefix"/>, for a note when an expected one is missing.</summary>
    public IEnumerable<string> NamesStartingWith(string prefix) =>
        samples.Keys.Select(k => k.Split('{')[0]).Where(n => n.StartsWith(prefix, StringComparison.Ordinal)).Distinct().Order();
}
