namespace IdeogramJobs.Grains.Capacity;

/// <summary>
/// Shares a fixed number of units (Ideogram's in-flight images) among jobs of many accounts.
/// Waiting requests are granted account by account in turn (one busy account cannot crowd out the
/// others) and in order within an account; the request at the head waits for enough free units
/// and nobody passes it meanwhile, so a large request is never starved by smaller ones. A grant is
/// a lease: one not released by its deadline (its silo died) is taken back.
/// </summary>
public sealed class FairCapacityScheduler(int capacity)
{
    private readonly Dictionary<long, Lease> held = [];
    private readonly Dictionary<string, LinkedList<Waiter>> waiting = [];
    private readonly LinkedList<string> turns = [];

    public int Capacity { get; } = capacity;

    public int InUse { get; private set; }

    public int MaxInUse { get; private set; }

    public int Waiting => waiting.Values.Sum(w => w.Count);

    /// <summary>True when granted now (or already held); false when the job waits its turn.</summary>
    public bool Request(long jobId, string accountId, int units, DateTimeOffset deadline)
    {
        if (held.ContainsKey(jobId))
        {
            return true;
        }

        if (waiting.TryGetValue(accountId, out var queue) && queue.Any(w => w.JobId == jobId))
        {
            return false;
        }

        var waiter = new Waiter(jobId, accountId, Math.Clamp(units, 1, Capacity), deadline);
        if (turns.Count == 0 && InUse + waiter.Units <= Capacity)
        {
            Grant(waiter);
            return true;
        }

        if (!waiting.TryGetValue(accountId, out queue))
        {
            queue = new LinkedList<Waiter>();
            waiting[accountId] = queue;
            turns.AddLast(accountId);
        }

        queue.AddLast(waiter);
        return false;
    }

    /// <summary>Frees what the job holds (or withdraws its request); returns the jobs granted as a result.</summary>
    public IReadOnlyList<long> Release(long jobId)
    {
        if (held.Remove(jobId, out var lease))
        {
            InUse -= lease.Units;
        }
        else
        {
            Withdraw(jobId);
        }

        return Drain();
    }

    /// <summary>Takes back leases past their deadline; returns the expired jobs and those granted after.</summary>
    public (IReadOnlyList<long> Expired, IReadOnlyList<long> Granted) Expire(DateTimeOffset now)
    {
        var expired = held.Where(h => h.Value.Deadline <= now).Select(h => h.Key).ToList();
        foreach (var jobId in expired)
        {
            InUse -= held[jobId].Units;
            held.Remove(jobId);
        }

        return (expired, Drain());
    }

    private IReadOnlyList<long> Drain()
    {
        var granted = new List<long>();
        while (turns.First is { } turn)
        {
            var queue = waiting[turn.Value];
            var head = queue.First!.Value;
            if (InUse + head.Units > Capacity)
            {
                break;
            }

            queue.RemoveFirst();
            turns.RemoveFirst();
            if (queue.Count > 0)
            {
                turns.AddLast(turn.Value);
            }
            else
            {
                waiting.Remove(turn.Value);
            }

            Grant(head);
            granted.Add(head.JobId);
        }

        return granted;
    }

    private void Grant(Waiter waiter)
    {
        held[waiter.JobId] = new Lease(waiter.Units, waiter.Deadline);
        InUse += waiter.Units;
        MaxInUse = Math.Max(MaxInUse, InUse);
    }

    private void Withdraw(long jobId)
    {
        foreach (var (accountId, queue) in waiting)
        {
            var node = queue.First;
            while (node is not null && node.Value.JobId != jobId)
            {
                node = node.Next;
            }

            if (node is null)
            {
                continue;
            }

            queue.Remove(node);
            if (queue.Count == 0)
            {
                waiting.Remove(accountId);
                turns.Remove(accountId);
            }

            return;
        }
    }

    private sealed record Waiter(long JobId, string AccountId, int Units, DateTimeOffset Deadline);

    private sealed record Lease(int Units, DateTimeOffset Deadline);
}
