namespace IdeogramJobs.Ideogram.Simulator.Stats;

/// <summary>The last <see cref="Capacity"/> generate requests answered, oldest dropped first.</summary>
public sealed class CapturedRequestLog
{
    public const int Capacity = 500;

    private readonly Lock gate = new();
    private readonly Queue<CapturedRequest> requests = new();
    private long arrivals;

    /// <summary>Numbers a request as it arrives, from 0 after each <see cref="Clear"/>.</summary>
    public long Arrive() => Interlocked.Increment(ref arrivals) - 1;

    public void Add(CapturedRequest request)
    {
        lock (gate)
        {
            if (requests.Count == Capacity)
            {
                requests.Dequeue();
            }
            requests.Enqueue(request);
        }
    }

    /// <summary>The newest <paramref name="limit"/> requests, newest last.</summary>
    public IReadOnlyList<CapturedRequest> Latest(int limit)
    {
        lock (gate)
        {
            return requests.Skip(Math.Max(0, requests.Count - limit)).ToList();
        }
    }

    public void Clear()
    {
        lock (gate)
        {
            requests.Clear();
            Interlocked.Exchange(ref arrivals, 0);
        }
    }
}
