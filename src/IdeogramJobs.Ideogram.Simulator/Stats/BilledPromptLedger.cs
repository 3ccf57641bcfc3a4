namespace IdeogramJobs.Ideogram.Simulator.Stats;

/// <summary>
/// Billed generations per distinct prompt: a client that gives every job its own prompt can tell
/// from here how often each job was paid for. Memory is bounded: past <see cref="Capacity"/>
/// prompts, generations of prompts not seen yet are only counted in <c>untracked</c>.
/// Guarded by <see cref="SimulatorStats"/>'s lock.
/// </summary>
internal sealed class BilledPromptLedger
{
    public const int Capacity = 100_000;

    private readonly Dictionary<string, long> billed = new(StringComparer.Ordinal);
    private long untracked;

    public void Bill(string prompt)
    {
        if (billed.TryGetValue(prompt, out var count))
        {
            billed[prompt] = count + 1;
        }
        else if (billed.Count < Capacity)
        {
            billed[prompt] = 1;
        }
        else
        {
            untracked++;
        }
    }

    public BilledPromptSummary Summary()
    {
        long once = 0;
        long more = 0;
        long most = 0;
        foreach (var count in billed.Values)
        {
            if (count == 1)
            {
                once++;
            }
            else
            {
                more++;
            }
            most = Math.Max(most, count);
        }
        return new BilledPromptSummary(billed.Count, once, more, most, untracked);
    }

    public IReadOnlyDictionary<string, long> Counts(long minimum) =>
        billed.Where(pair => pair.Value >= minimum).ToDictionary(pair => pair.Key, pair => pair.Value, StringComparer.Ordinal);

    public void Clear()
    {
        billed.Clear();
        untracked = 0;
    }
}
