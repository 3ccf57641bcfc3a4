using IdeogramJobs.Ideogram.Simulator.Stats;

namespace IdeogramJobs.Ideogram.Simulator.Behaviour;

/// <summary>
/// Ideogram's in-flight limit, counted in images per API key: a request for four images holds four
/// units from admission until its response is written (or the client goes away).
/// </summary>
public sealed class InflightLimiter(SimulatorStats stats)
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, int> inflight = new(StringComparer.Ordinal);

    public InflightAdmission TryAcquire(string fingerprint, int images, int limit)
    {
        lock (gate)
        {
            var current = inflight.GetValueOrDefault(fingerprint);
            if (current + images > limit)
            {
                return new InflightAdmission(null, current);
            }
            inflight[fingerprint] = current + images;
            stats.InflightChanged(fingerprint, images);
            return new InflightAdmission(new InflightLease(() => Release(fingerprint, images)), current);
        }
    }

    private void Release(string fingerprint, int images)
    {
        lock (gate)
        {
            var remaining = inflight.GetValueOrDefault(fingerprint) - images;
            if (remaining == 0)
            {
                inflight.Remove(fingerprint);
            }
            else
            {
                inflight[fingerprint] = remaining;
            }
            stats.InflightChanged(fingerprint, -images);
        }
    }
}
