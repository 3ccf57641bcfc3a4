namespace IdeogramJobs.Ideogram.Simulator.Behaviour;

/// <summary>Images held in flight for one request; disposing gives them back (once).</summary>
public sealed class InflightLease : IDisposable
{
    private readonly Action release;
    private int released;

    // Not a primary constructor: that would be public like the type, and only the limiter hands out leases.
    internal InflightLease(Action release) => this.release = release;

    public void Dispose()
    {
        if (Interlocked.Exchange(ref released, 1) == 0)
        {
            release();
        }
    }
}
