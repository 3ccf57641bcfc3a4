namespace IdeogramJobs.Ideogram.Simulator.Stats;

/// <summary>
/// Counters per API-key fingerprint, plus totals and billed generations per prompt. In-flight
/// images are live state fed by the in-flight limiter, so a reset keeps them (and restarts their
/// maximum from the current value).
/// </summary>
public sealed class SimulatorStats
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, KeyCounters> keys = new(StringComparer.Ordinal);
    private readonly BilledPromptLedger billed = new();
    private long inflightTotal;
    private long maxInflightTotal;

    public void CountRequest(string fingerprint)
    {
        lock (gate)
        {
            For(fingerprint).Requests++;
        }
    }

    public void Count(string fingerprint, CounterKind kind)
    {
        lock (gate)
        {
            For(fingerprint).Count(kind);
        }
    }

    /// <summary>A generation that ran to its end: Ideogram bills it, whether or not its client still waits.</summary>
    public void CountBilled(string fingerprint, string prompt, int images)
    {
        lock (gate)
        {
            var counters = For(fingerprint);
            counters.Succeeded++;
            counters.Images += images;
            billed.Bill(prompt);
        }
    }

    /// <summary>Billed generations per prompt, for the prompts billed at least <paramref name="minimum"/> times.</summary>
    public IReadOnlyDictionary<string, long> BilledPerPrompt(long minimum)
    {
        lock (gate)
        {
            return billed.Counts(minimum);
        }
    }

    /// <summary>Records a change of a key's in-flight images by <paramref name="delta"/>.</summary>
    public void InflightChanged(string fingerprint, int delta)
    {
        lock (gate)
        {
            var counters = For(fingerprint);
            counters.InflightImages += delta;
            counters.MaxInflightImages = Math.Max(counters.MaxInflightImages, counters.InflightImages);
            inflightTotal += delta;
            maxInflightTotal = Math.Max(maxInflightTotal, inflightTotal);
        }
    }

    public StatsSnapshot Snapshot()
    {
        lock (gate)
        {
            var perKey = keys.ToDictionary(pair => pair.Key, pair => pair.Value.ToStatistics(), StringComparer.Ordinal);
            var totals = new KeyCounters
            {
                InflightImages = inflightTotal,
                MaxInflightImages = maxInflightTotal,
            };
            foreach (var counters in keys.Values)
            {
                totals.Requests += counters.Requests;
                totals.Succeeded += counters.Succeeded;
                totals.Images += counters.Images;
                totals.RejectedInflight += counters.RejectedInflight;
                totals.Rejected400 += counters.Rejected400;
                totals.Rejected422 += counters.Rejected422;
                totals.Injected429 += counters.Injected429;
                totals.Injected5xx += counters.Injected5xx;
                totals.Hangs += counters.Hangs;
                totals.Abandoned += counters.Abandoned;
            }
            return new StatsSnapshot(perKey, totals.ToStatistics(), billed.Summary());
        }
    }

    public void Reset()
    {
        lock (gate)
        {
            var live = keys.Where(pair => pair.Value.InflightImages > 0)
                .Select(pair => (pair.Key, pair.Value.InflightImages))
                .ToList();
            keys.Clear();
            billed.Clear();
            foreach (var (fingerprint, inflight) in live)
            {
                keys[fingerprint] = new KeyCounters { InflightImages = inflight, MaxInflightImages = inflight };
            }
            maxInflightTotal = inflightTotal;
        }
    }

    private KeyCounters For(string fingerprint)
    {
        if (!keys.TryGetValue(fingerprint, out var counters))
        {
            counters = new KeyCounters();
            keys[fingerprint] = counters;
        }
        return counters;
    }
}
