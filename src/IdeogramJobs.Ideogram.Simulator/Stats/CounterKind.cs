namespace IdeogramJobs.Ideogram.Simulator.Stats;

/// <summary>How a generate request ended, for the per-key counters.</summary>
public enum CounterKind
{
    RejectedInflight,
    Rejected400,
    Rejected422,
    Injected429,
    Injected5xx,
    Hang,
    Abandoned,
}
