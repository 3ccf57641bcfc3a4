namespace IdeogramJobs.Ideogram.Simulator.Stats;

/// <summary>The body of <c>GET /_simulator/stats</c>: counters per key fingerprint, their totals, and billing per prompt.</summary>
public sealed record StatsSnapshot(IReadOnlyDictionary<string, KeyStatistics> Keys, KeyStatistics Totals, BilledPromptSummary BilledPrompts);
