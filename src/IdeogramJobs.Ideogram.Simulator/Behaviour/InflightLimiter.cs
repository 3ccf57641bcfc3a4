using IdeogramJobs.Ideogram.Simulator.Stats;

namespace IdeogramJobs.Ideogram.Simulator.Behaviour;

/// <summary>
/// Ideogram's in-flight limit, counted in images per API key: a request for four images holds four
/// units from admission until its response is written (or the client goes away).
/// </summary>
public sealed class InflightLimiter(SimulatorStats stats)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, int> _inflight = new(StringComparer.Ordinal);

    public InflightAdmission TryAcquire(string fingerprint, int images, int limit)
    {
        lock (_gate)
        {
            var current = _inflight.GetValueOrDefault(fingerprint);
            if (current + images > limit)
            {
                return new InflightAdmission(null, current);
            }
            _inflight[fingerprint] = current + images;
            stats.InflightChanged(fingerprint, images);
            return new InflightAdmission(new InflightLease(() => Release(fingerprint, images)), current);
        }
    }

    private void Release(string fingerprint, int images)
    {
        lock (_gate)
        {
            var remaining = _inflight.GetValueOrDefault(fingerprint) - images;
            if (remaining == 0)
            {
                _inflight.Remove(fingerprint);
            }
            else
            {
                _inflight[fingerprint] = remaining;
            }
            stats.InflightChanged(fingerprint, -images);
        }
    }
}
