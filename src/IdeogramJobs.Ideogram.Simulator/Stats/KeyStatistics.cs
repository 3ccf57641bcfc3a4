namespace IdeogramJobs.Ideogram.Simulator.Stats;

/// <summary>One key's counters (or the totals) as <c>GET /_simulator/stats</c> shows them.</summary>
public sealed record KeyStatistics(
    long Requests,
    long Succeeded,
    long Images,
    long InflightImages,
    long MaxInflightImages,
    long RejectedInflight,
    long Rejected400,
    long Rejected422,
    long Injected429,
    long Injected5xx,
    long Hangs);
