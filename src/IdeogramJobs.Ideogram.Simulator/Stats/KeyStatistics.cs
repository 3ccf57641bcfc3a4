namespace IdeogramJobs.Ideogram.Simulator.Stats;

/// <summary>
/// One key's counters (or the totals) as <c>GET /_simulator/stats</c> shows them. <c>Succeeded</c>
/// and <c>Images</c> count billed generations, those whose client left included once they finished;
/// <c>Abandoned</c> counts requests whose client left while they were generating.
/// </summary>
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
    long Hangs,
    long Abandoned);
