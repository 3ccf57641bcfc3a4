namespace IdeogramJobs.Ideogram.Simulator.Stats;

/// <summary>Mutable counters of one key; guarded by <see cref="SimulatorStats"/>'s lock.</summary>
internal sealed class KeyCounters
{
    public long Requests;
    public long Succeeded;
    public long Images;
    public long InflightImages;
    public long MaxInflightImages;
    public long RejectedInflight;
    public long Rejected400;
    public long Rejected422;
    public long Injected429;
    public long Injected5xx;
    public long Hangs;
    public long Abandoned;

    public void Count(CounterKind kind)
    {
        switch (kind)
        {
            case CounterKind.RejectedInflight:
                RejectedInflight++;
                break;
            case CounterKind.Rejected400:
                Rejected400++;
                break;
            case CounterKind.Rejected422:
                Rejected422++;
                break;
            case CounterKind.Injected429:
                Injected429++;
                break;
            case CounterKind.Injected5xx:
                Injected5xx++;
                break;
            case CounterKind.Hang:
                Hangs++;
                break;
            case CounterKind.Abandoned:
                Abandoned++;
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown counter.");
        }
    }

    public KeyStatistics ToStatistics() => new(
        Requests, Succeeded, Images, InflightImages, MaxInflightImages,
        RejectedInflight, Rejected400, Rejected422, Injected429, Injected5xx, Hangs, Abandoned);
}
