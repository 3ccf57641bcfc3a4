using IdeogramJobs.Contracts.Capacity;

namespace IdeogramJobs.Grains.Capacity;

/// <summary>
/// Shares a fixed number of units (Ideogram's in-flight images) among jobs of many accounts.
/// Waiting requests are granted account by account in turn (one busy account cannot crowd out the
/// others) and in order within an account. When the request at the head needs more units than are
/// free, requests that fit may use the units it cannot (otherwise they would idle): other accounts'
/// next ones first, then later ones of any account. Only one capacity's worth of units passes it in
/// all while it waits, so a large request is delayed by about one generation at most and never starved.
/// A grant is a lease whose clock starts when it is granted and restarts each time its job asks
/// again; one not released by its deadline (its silo died) is taken back. Units of a call that was
/// given up on stay counted until Ideogram has surely finished it, because Ideogram keeps generating.
/// Once an attempt has claimed its job, the lease is bound to the attempt's token: an attempt that is
/// gone but still running (its silo declared dead) cannot give back the lease of the attempt that took
/// over, only the one bound to its own token.
/// A grant that no attempt claims within <see cref="UnclaimedGrant"/> (its notice went to a silo that
/// died) is taken back and its job queued again at the front of its account.
/// How long an abandoned call holds its units is learned from the calls that ended normally: twice the
/// longest of the recent ones (a minute until there are enough to learn from), counted from the call's
/// grant, within the bound the caller gives. The hold shrinks as the grain learns, so one that restarted
/// knowing nothing does not keep a dead silo's calls for the whole bound. A call already running longer
/// than that when it was given up on is abnormal and keeps the caller's bound.
/// </summary>
public sealed class FairCapacityScheduler(int capacity, TimeSpan leaseDuration)
{
    private readonly Dictionary<long, Lease> held = [];
    /// <summary>How long a grant may wait for its job to claim it: a live job claims within milliseconds.</summary>
    public static readonly TimeSpan UnclaimedGrant = TimeSpan.FromSeconds(30);

    public const int RecentCalls = 200;
    private const int FewestToLearnFrom = 10;

    /// <summary>The longest call assumed before any is learned: Ideogram's slowest published estimate (QUALITY, 25 s) with room to spare.</summary>
    private static readonly TimeSpan AssumedLongestCall = TimeSpan.FromMinutes(1);

    private readonly List<AbandonedCall> abandoned = [];
    private readonly Queue<TimeSpan> recentCalls = new();
    private readonly Dictionary<string, LinkedList<Waiter>> waiting = [];
    private readonly LinkedList<string> turns = [];

    /// <summary>Every waiting request by its job, so a key with a long line answers each call without walking it.</summary>
    private readonly Dictionary<long, LinkedListNode<Waiter>> queued = [];

    /// <summary>How many waiting requests ask for each number of units, so a line nothing in which fits is not searched.</summary>
    private readonly Dictionary<int, int> queuedOfSize = [];

    /// <summary>The head request that does not fit, and how many units other requests took past it.</summary>
    private long? blockedHead;
    private int bypassed;

    public int Capacity { get; } = capacity;

    public int InUse { get; private set; }

    public int MaxInUse { get; private set; }

    public int Waiting => queued.Count;

    public int WaitingUnits { get; private set; }

    /// <summary>
    /// True when granted now, or already held (which renews the lease from <paramref name="now"/>); false
    /// when the job waits its turn. An attempt that has claimed its job asks with its token, which binds
    /// the lease to it, so an attempt that is gone cannot give it back later. A lease bound to another
    /// attempt does not block the asker: the job's row is claimed by one attempt at a time, so the earlier
    /// attempt no longer runs, but a call it made may, so its units stay counted as a call given up on
    /// (<see cref="LetGo"/>) and the asker asks afresh. Such a lease is left when a capacity grain rebuilt
    /// from the table counted an attempt that then gave its claim back, or when a release was lost.
    /// </summary>
    public bool Request(long jobId, string accountId, int units, DateTimeOffset now, string? attemptToken = null)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(units, Capacity);
        if (held.TryGetValue(jobId, out var lease))
        {
            if (lease.BelongsTo(attemptToken))
            {
                held[jobId] = lease with { Deadline = Later(lease.Deadline, now + leaseDuration), AttemptToken = attemptToken ?? lease.AttemptToken };
                return true;
            }

            LetGo(jobId, lease, now);
        }

        if (queued.ContainsKey(jobId))
        {
            return false;
        }

        var waiter = new Waiter(jobId, accountId, Math.Max(units, 1));
        var queue = waiting.GetValueOrDefault(accountId);
        if (queue is null && turns.Count == 0 && Fits(waiter))
        {
            Grant(waiter, now);
            return true;
        }

        if (queue is null && turns.Count > 0 && MayPass(waiter))
        {
            Grant(waiter, now);
            bypassed += waiter.Units;
            return true;
        }

        if (!waiting.TryGetValue(accountId, out queue))
        {
            queue = new LinkedList<Waiter>();
            waiting[accountId] = queue;
            turns.AddLast(accountId);
        }

        Queued(queue.AddLast(waiter));
        return false;
    }

    /// <summary>
    /// Counts units already in use by a job whose attempt runs (read from the table after a restart),
    /// without a turn and whatever their number: a fresh scheduler learns what Ideogram is doing
    /// before it grants more. The job's own request later finds them held.
    /// </summary>
    public void Hold(long jobId, int units, DateTimeOffset granted, DateTimeOffset deadline, string? attemptToken)
    {
        if (!held.ContainsKey(jobId))
        {
            Take(jobId, new Lease(Math.Max(units, 1), granted, deadline, attemptToken, AccountId: null) { ReadBack = true });
        }
    }

    /// <summary>
    /// Counts units of the job's call given up on (read from the table after a restart) that began about
    /// <paramref name="started"/> and that Ideogram may still run until <paramref name="until"/> at the latest;
    /// what the grain learns may free them sooner.
    /// </summary>
    public void HoldAbandoned(long jobId, int units, DateTimeOffset started, DateTimeOffset until) =>
        Abandon(new AbandonedCall(Math.Max(units, 1), started, started, until) { ReadBackFor = jobId });

    private void Abandon(AbandonedCall call)
    {
        abandoned.Add(call);
        InUse += call.Units;
        MaxInUse = Math.Max(MaxInUse, InUse);
    }

    /// <summary>
    /// Frees what the job holds (or withdraws its request); returns the jobs granted as a result. A lease
    /// bound to another attempt than <paramref name="attemptToken"/> is left alone.
    /// </summary>
    public IReadOnlyList<long> Release(long jobId, DateTimeOffset now, string? attemptToken = null)
    {
        if (held.TryGetValue(jobId, out var lease))
        {
            if (lease.BelongsTo(attemptToken))
            {
                held.Remove(jobId);
                InUse -= lease.Units;
                Learn(now - lease.Granted);
            }
        }
        else
        {
            Withdraw(jobId);
        }

        return Drain(now);
    }

    /// <summary>
    /// The job has ended: frees its lease and withdraws its request. A lease bound to another attempt than
    /// the last one, <paramref name="attemptToken"/>, is one whose release was lost; a call that attempt
    /// made may still run, so its units stay counted as a call given up on. Returns the jobs granted as a result.
    /// </summary>
    public IReadOnlyList<long> Forget(long jobId, DateTimeOffset now, string? attemptToken)
    {
        if (held.TryGetValue(jobId, out var lease))
        {
            if (lease.BelongsTo(attemptToken))
            {
                held.Remove(jobId);
                InUse -= lease.Units;
            }
            else
            {
                LetGo(jobId, lease, now);
            }
        }

        Withdraw(jobId);
        return Drain(now);
    }

    /// <summary>Turns the lease of an attempt that is gone into a call given up on, counted until it has surely ended.</summary>
    private void LetGo(long jobId, Lease lease, DateTimeOffset now)
    {
        held.Remove(jobId);
        InUse -= lease.Units;

        // A lease read back after a restart was given up on when its silo died, some time after its grant: only the
        // call's start is known, as for a take-over. A live one was given up on now (its release was lost).
        var givenUpAt = lease.ReadBack ? lease.Granted : now;
        Abandon(new AbandonedCall(lease.Units, lease.Granted, givenUpAt, Later(lease.Deadline, now)) { ReadBackFor = lease.ReadBack ? jobId : null });
    }

    /// <summary>
    /// Frees the attempt's lease after its call of <paramref name="units"/> images was given up on: the
    /// units stay counted for <paramref name="stillBusyFor"/>, whether or not the lease was already released.
    /// </summary>
    public IReadOnlyList<long> ReleaseAbandoned(long jobId, int units, DateTimeOffset now, TimeSpan stillBusyFor, string? attemptToken)
    {
        if (held.TryGetValue(jobId, out var lease) && lease.BelongsTo(attemptToken))
        {
            held.Remove(jobId);
            InUse -= lease.Units;
            Abandon(new AbandonedCall(lease.Units, lease.Granted, now, now + stillBusyFor));
        }
        else
        {
            AbandonOnce(jobId, new AbandonedCall(units, now, now, now + stillBusyFor));
        }

        return Drain(now);
    }

    /// <summary>
    /// Takes back the lease of a job whose attempt is gone (its silo died), whoever held it; its call of
    /// <paramref name="units"/> images stays counted for <paramref name="stillBusyFor"/> when it may still run.
    /// </summary>
    public IReadOnlyList<long> TakeBack(long jobId, int units, DateTimeOffset now, TimeSpan stillBusyFor)
    {
        if (held.Remove(jobId, out var lease))
        {
            InUse -= lease.Units;
            if (stillBusyFor > TimeSpan.Zero)
            {
                // The attempt was cut off when its silo died, some time before now: only the call's start is known.
                Abandon(new AbandonedCall(lease.Units, lease.Granted, lease.Granted, now + stillBusyFor));
            }
        }
        else if (stillBusyFor > TimeSpan.Zero)
        {
            AbandonOnce(jobId, new AbandonedCall(units, now, now, now + stillBusyFor));
        }

        return Drain(now);
    }

    /// <summary>What makes up <see cref="InUse"/>: every lease and every call given up on that still counts.</summary>
    public IReadOnlyList<CapacityHold> Holds() =>
    [
        .. held.Select(h => new CapacityHold
        {
            JobId = h.Key,
            Units = h.Value.Units,
            Kind = h.Value.AttemptToken is null ? "granted" : "claimed",
            Since = h.Value.Granted,
            Until = h.Value.Deadline,
        }),
        .. abandoned.Select(a => new CapacityHold { Units = a.Units, Kind = "abandoned", Since = a.Started, Until = SurelyEnded(a) }),
    ];

    /// <summary>The longest of the recent calls that ended normally, once there are enough to learn from.</summary>
    public TimeSpan? LongestRecentCall => recentCalls.Count >= FewestToLearnFrom ? recentCalls.Max() : null;

    private TimeSpan LongestCall => LongestRecentCall ?? AssumedLongestCall;

    /// <summary>
    /// Counts a call given up on whose lease this scheduler never held: it was rebuilt after the job noted the
    /// call in its row, so the call may already be counted, read back from the table. It is the same call: counted
    /// once, with the earlier start and the later bound, and as given up on when first known to be, so what the
    /// grain learned of call lengths still frees it.
    /// </summary>
    private void AbandonOnce(long jobId, AbandonedCall call)
    {
        if (abandoned.FirstOrDefault(a => a.ReadBackFor == jobId) is { } readBack)
        {
            abandoned.Remove(readBack);
            InUse -= readBack.Units;
            call = call with
            {
                Units = Math.Max(call.Units, readBack.Units),
                Started = readBack.Started < call.Started ? readBack.Started : call.Started,
                AbandonedAt = readBack.AbandonedAt < call.AbandonedAt ? readBack.AbandonedAt : call.AbandonedAt,
                Bound = Later(call.Bound, readBack.Bound),
            };
        }

        Abandon(call);
    }

    /// <summary>When an abandoned call has surely ended, by what is learned now.</summary>
    private DateTimeOffset SurelyEnded(AbandonedCall call)
    {
        var learned = call.Started + (2 * LongestCall);
        return learned > call.AbandonedAt && learned < call.Bound ? learned : call.Bound;
    }

    /// <summary>Learns from calls that ended before this scheduler started (oldest first), so a restart does not hold calls given up on for the assumed minute.</summary>
    public void LearnFrom(IEnumerable<TimeSpan> earlierCalls)
    {
        foreach (var call in earlierCalls)
        {
            Learn(call);
        }
    }

    private void Learn(TimeSpan call)
    {
        recentCalls.Enqueue(call);
        if (recentCalls.Count > RecentCalls)
        {
            recentCalls.Dequeue();
        }
    }

    /// <summary>
    /// Takes back leases past their deadline and grants no attempt claimed in time; returns the lapsed
    /// jobs, the jobs queued again, and those granted after.
    /// </summary>
    public (IReadOnlyList<long> Lapsed, IReadOnlyList<long> Requeued, IReadOnlyList<long> Granted) Expire(DateTimeOffset now)
    {
        var lapsed = held.Where(h => h.Value.Deadline <= now).Select(h => h.Key).ToList();
        foreach (var jobId in lapsed)
        {
            InUse -= held[jobId].Units;
            held.Remove(jobId);
        }

        var unclaimed = held.Where(h => h.Value is { AttemptToken: null, AccountId: not null } && h.Value.Granted + UnclaimedGrant <= now).ToList();
        foreach (var (jobId, lease) in unclaimed)
        {
            InUse -= lease.Units;
            held.Remove(jobId);
            QueueFirst(new Waiter(jobId, lease.AccountId!, lease.Units));
        }

        foreach (var ended in abandoned.Where(a => SurelyEnded(a) <= now).ToList())
        {
            InUse -= ended.Units;
            abandoned.Remove(ended);
        }

        return (lapsed, [.. unclaimed.Select(u => u.Key)], Drain(now));
    }

    /// <summary>Puts a waiter back at the front of its account's queue, and the account first in the turns.</summary>
    private void QueueFirst(Waiter waiter)
    {
        if (!waiting.TryGetValue(waiter.AccountId, out var queue))
        {
            queue = new LinkedList<Waiter>();
            waiting[waiter.AccountId] = queue;
        }
        else
        {
            turns.Remove(waiter.AccountId);
        }

        Queued(queue.AddFirst(waiter));
        turns.AddFirst(waiter.AccountId);
    }

    private IReadOnlyList<long> Drain(DateTimeOffset now)
    {
        var granted = new List<long>();
        while (turns.First is { } first)
        {
            var head = waiting[first.Value].First!.Value;
            if (Fits(head))
            {
                TakeTurn(first);
                Grant(head, now);
                blockedHead = null;
                bypassed = 0;
                granted.Add(head.JobId);
                continue;
            }

            if (!MayAnyPass(head))
            {
                break;
            }

            var passer = first.Next;
            while (passer is not null && !MayPass(waiting[passer.Value].First!.Value))
            {
                passer = passer.Next;
            }

            if (passer is not null)
            {
                var taken = waiting[passer.Value].First!.Value;
                TakeTurn(passer);
                Grant(taken, now);
                bypassed += taken.Units;
                granted.Add(taken.JobId);
                continue;
            }

            if (LaterPasser() is not { } later)
            {
                break;
            }

            Dequeued(later);
            Grant(later.Value, now);
            bypassed += later.Value.Units;
            granted.Add(later.Value.JobId);
        }

        return granted;
    }

    /// <summary>
    /// A request behind its account's next one that may pass, when no account's next request can: with only a few
    /// accounts on a key, their next requests alone often do not fit the units a blocked head leaves, and the units
    /// would idle. It keeps its account's turn; the bound on passing the head is the same.
    /// </summary>
    private LinkedListNode<Waiter>? LaterPasser()
    {
        foreach (var accountId in turns)
        {
            for (var node = waiting[accountId].First!.Next; node is not null; node = node.Next)
            {
                if (MayPass(node.Value))
                {
                    return node;
                }
            }
        }

        return null;
    }

    private bool Fits(Waiter waiter) => InUse + waiter.Units <= Capacity;

    /// <summary>
    /// Whether any waiting request might pass the blocked <paramref name="head"/>: one small enough for the free units
    /// (none when the key is full), while less than a capacity's worth has passed it. Answered without walking the line.
    /// </summary>
    private bool MayAnyPass(Waiter head)
    {
        if (blockedHead == head.JobId && bypassed >= Capacity)
        {
            return false;
        }

        for (var units = 1; units <= Capacity - InUse; units++)
        {
            if (queuedOfSize.GetValueOrDefault(units) > 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether <paramref name="candidate"/> may be granted past the blocked head of the turns.</summary>
    private bool MayPass(Waiter candidate)
    {
        var head = waiting[turns.First!.Value].First!.Value;
        if (blockedHead != head.JobId)
        {
            blockedHead = head.JobId;
            bypassed = 0;
        }

        return Fits(candidate) && bypassed + candidate.Units <= Capacity;
    }

    /// <summary>Takes the head off the account's queue and sends the account to the back of the turns.</summary>
    private void TakeTurn(LinkedListNode<string> turn)
    {
        var queue = waiting[turn.Value];
        Dequeued(queue.First!);
        turns.Remove(turn);
        if (queue.Count > 0)
        {
            turns.AddLast(turn.Value);
        }
        else
        {
            waiting.Remove(turn.Value);
        }
    }

    /// <summary>The lease's clock starts now, however long the job waited for it.</summary>
    private void Grant(Waiter waiter, DateTimeOffset now) =>
        Take(waiter.JobId, new Lease(waiter.Units, now, now + leaseDuration, AttemptToken: null, waiter.AccountId));

    private void Take(long jobId, Lease lease)
    {
        held[jobId] = lease;
        InUse += lease.Units;
        MaxInUse = Math.Max(MaxInUse, InUse);
    }

    private void Withdraw(long jobId)
    {
        if (!queued.TryGetValue(jobId, out var node))
        {
            return;
        }

        var queue = node.List!;
        Dequeued(node);
        if (queue.Count == 0)
        {
            waiting.Remove(node.Value.AccountId);
            turns.Remove(node.Value.AccountId);
        }
    }

    private void Queued(LinkedListNode<Waiter> node)
    {
        queued[node.Value.JobId] = node;
        WaitingUnits += node.Value.Units;
        queuedOfSize[node.Value.Units] = queuedOfSize.GetValueOrDefault(node.Value.Units) + 1;
    }

    private void Dequeued(LinkedListNode<Waiter> node)
    {
        node.List!.Remove(node);
        queued.Remove(node.Value.JobId);
        WaitingUnits -= node.Value.Units;
        queuedOfSize[node.Value.Units]--;
    }

    private static DateTimeOffset Later(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private sealed record Waiter(long JobId, string AccountId, int Units);

    /// <summary>A call given up on: when it was granted, when it was given up on, and the latest it may run by the caller's bound.</summary>
    private sealed record AbandonedCall(int Units, DateTimeOffset Started, DateTimeOffset AbandonedAt, DateTimeOffset Bound)
    {
        /// <summary>The job whose row this call was read back from after a restart; none once counted again.</summary>
        public long? ReadBackFor { get; init; }
    }

    /// <summary>A grant; bound to an attempt once that attempt has claimed the job.</summary>
    private sealed record Lease(int Units, DateTimeOffset Granted, DateTimeOffset Deadline, string? AttemptToken, string? AccountId)
    {
        /// <summary>Whether the lease was read back from the table after a restart rather than granted by this scheduler.</summary>
        public bool ReadBack { get; init; }

        /// <summary>Whether the attempt with <paramref name="token"/> (none: the job before it claims) may use or give back this lease.</summary>
        public bool BelongsTo(string? token) => AttemptToken is null || AttemptToken == token;
    }
}
