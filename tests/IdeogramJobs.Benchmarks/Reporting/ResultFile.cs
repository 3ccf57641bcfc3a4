using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace IdeogramJobs.Benchmarks.Reporting;

/// <summary>Writes a run's results as JSON to artifacts/bench/&lt;timestamp&gt;.json under the repository.</summary>
public static class ResultFile
{
    // A figure that could not be measured is NaN, which JSON has no number for: written as "NaN".
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public static async Task<string> WriteAsync(string repositoryRoot, BenchSettings settings, DateTime startedAt, IReadOnlyList<ScenarioResult> results)
    {
        var folder = Path.Combine(repositoryRoot, "artifacts", "bench");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, startedAt.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture) + ".json");
        var document = new
        {
            startedAt,
            mode = settings.Quick ? "quick" : "full",
            machine = new
            {
                processors = Environment.ProcessorCount,
                os = Environment.OSVersion.VersionString,
                runtime = System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription,
            },
            scenarios = results.Select(r => new
            {
                name = r.Name,
                ran = r.Ran,
                error = r.Error,
                figures = r.Figures.Select(f => new { name = f.Name, value = f.Value, unit = f.Unit, target = f.Target }),
                notes = r.Notes,
            }),
        };
        await File.WriteAllTextAsync(path, JsonSerializer.Serialize(document, Json));
        return path;
    }
}
