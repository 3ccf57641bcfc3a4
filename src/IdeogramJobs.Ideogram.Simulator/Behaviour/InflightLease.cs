namespace IdeogramJobs.Ideogram.Simulator.Behaviour;

/// <summary>Images held in flight for one request; disposing gives them back (once).</summary>
public sealed class InflightLease : IDisposable
{
    private readonly Action _release;
    private int _released;

    internal InflightLease(Action release)
    {
        _release = release;
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _released, 1) == 0)
        {
            _release();
        }
    }
}
