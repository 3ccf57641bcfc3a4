namespace IdeogramJobs.Ideogram.Simulator.Stats;

/// <summary>The body of <c>GET /_simulator/stats</c>: counters per key fingerprint and their totals.</summary>
public sealed record StatsSnapshot(IReadOnlyDictionary<string, KeyStatistics> Keys, KeyStatistics Totals);
