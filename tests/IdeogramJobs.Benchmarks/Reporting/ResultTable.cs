using System.Globalization;
using System.Text;

namespace IdeogramJobs.Benchmarks.Reporting;

/// <summary>The figures of every scenario as a plain-text table.</summary>
public static class ResultTable
{
    public static string Render(IReadOnlyList<ScenarioResult> results)
    {
        var text = new StringBuilder();
        foreach (var result in results)
        {
            text.AppendLine();
            text.AppendLine(CultureInfo.InvariantCulture, $"== {result.Name}{(result.Ran ? string.Empty : "  [COULD NOT RUN]")}");
            var width = result.Figures.Count == 0 ? 0 : result.Figures.Max(f => f.Name.Length);
            foreach (var figure in result.Figures)
            {
                var value = figure.Value.ToString("N" + figure.Decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
                var target = figure.Target is null ? string.Empty : $"   (target {figure.Target})";
                text.AppendLine(CultureInfo.InvariantCulture, $"  {figure.Name.PadRight(width)}  {value,14} {figure.Unit}{target}");
            }

            foreach (var note in result.Notes)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"  note: {note}");
            }

            if (result.Error is { } error)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"  error: {error}");
            }
        }

        return text.ToString();
    }
}
