namespace IdeogramJobs.Ideogram.Simulator.Stats;

/// <summary>The last <see cref="Capacity"/> generate requests answered, oldest dropped first.</summary>
public sealed class CapturedRequestLog
{
    public const int Capacity = 500;

    private readonly Lock _gate = new();
    private readonly Queue<CapturedRequest> _requests = new();
    private long _arrivals;

    /// <summary>Numbers a request as it arrives, from 0 after each <see cref="Clear"/>.</summary>
    public long Arrive() => Interlocked.Increment(ref _arrivals) - 1;

    public void Add(CapturedRequest request)
    {
        lock (_gate)
        {
            if (_requests.Count == Capacity)
            {
                _requests.Dequeue();
            }
            _requests.Enqueue(request);
        }
    }

    /// <summary>The newest <paramref name="limit"/> requests, newest last.</summary>
    public IReadOnlyList<CapturedRequest> Latest(int limit)
    {
        lock (_gate)
        {
            return _requests.Skip(Math.Max(0, _requests.Count - limit)).ToList();
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _requests.Clear();
            Interlocked.Exchange(ref _arrivals, 0);
        }
    }
}
