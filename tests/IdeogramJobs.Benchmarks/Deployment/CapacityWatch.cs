using System.Globalization;
using System.Text.Json.Nodes;
using IdeogramJobs.Benchmarks.Reporting;

namespace IdeogramJobs.Benchmarks.Deployment;

/// <summary>
/// Watches the capacity grain beside Ideogram's own count: images the grain counts that nothing at
/// Ideogram uses keep jobs waiting for nothing. Leases of jobs that have already ended are the
/// clearest case (a release that never arrived); calls given up on are counted on purpose until
/// they have surely ended.
/// </summary>
public sealed class CapacityWatch(LoopbackSystem system)
{
    private int mostOverCounted;
    private int mostHeldByEnded;
    private string? worstHolds;

    public async Task SampleAsync(CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        try
        {
            response = await system.Admin.GetAsync("/api/admin/capacity", cancellationToken);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            // The grain's silo just died and the call to it waits until the cluster says so: no sample this time.
            return;
        }

        using var answered = response;
        if (!response.IsSuccessStatusCode)
        {
            // The grain is moving (its silo just died): nothing to compare this time.
            return;
        }

        var snapshot = JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellationToken))!;
        var inflight = (await system.SimulatorTotalsAsync(cancellationToken))["inflightImages"]!.GetValue<int>();
        var holds = snapshot["holds"]!.AsArray();
        var leased = holds.Where(h => h!["jobId"] is not null).ToDictionary(h => h!["jobId"]!.GetValue<long>(), h => h!["units"]!.GetValue<int>());
        var heldByEnded = 0;
        if (leased.Count > 0)
        {
            var ended = await system.Database.QueryAsync(
                $"SELECT job_id FROM ssnews_jobs WHERE job_id IN ({string.Join(',', leased.Keys)}) AND status IN ('completed', 'failed', 'cancelled')");
            heldByEnded = ended.Sum(row => leased[long.Parse(row["job_id"]!, CultureInfo.InvariantCulture)]);
        }

        var overCounted = snapshot["inUse"]!.GetValue<int>() - inflight;
        if (overCounted > mostOverCounted || heldByEnded > mostHeldByEnded)
        {
            worstHolds = string.Join("; ", holds.Select(h => $"{h!["kind"]} {h["units"]} job {h["jobId"]?.ToString() ?? "-"} since {h["since"]} until {h["until"]}"));
        }

        mostOverCounted = Math.Max(mostOverCounted, overCounted);
        mostHeldByEnded = Math.Max(mostHeldByEnded, heldByEnded);
    }

    public IReadOnlyList<Figure> Figures() =>
    [
        new("most images counted beyond Ideogram's own in-flight count (calls given up on included)", mostOverCounted, "images", 0),
        new("most images held by leases of jobs that had ended", mostHeldByEnded, "images", 0, "0"),
    ];

    /// <summary>The grain's holds at the worst moment seen, for the console.</summary>
    public string? WorstHolds => worstHolds;
}
