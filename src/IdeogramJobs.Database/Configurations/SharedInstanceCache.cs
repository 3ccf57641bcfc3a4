using System.Collections.Concurrent;

namespace IdeogramJobs.Database.Configurations;

/// <summary>
/// One instance per distinct text read from the table: every account's seeded job types carry the
/// same names, default settings and UI schemas, and a silo holding thousands of them active keeps one
/// copy of each instead of one per job type. Sharing is safe because the instances are immutable
/// (strings and records); an edited job type is stored and read back as a different text, so it
/// never alters another's.
/// </summary>
public sealed class SharedInstanceCache<T>
    where T : class
{
    private readonly ConcurrentDictionary<string, T> instances = new(StringComparer.Ordinal);
    private readonly int capacity;
    private readonly Func<string, T> create;

    /// <param name="capacity">The most distinct texts held at once.</param>
    /// <param name="create">Makes the instance of a text not held (parses it, for a JSON document).</param>
    public SharedInstanceCache(int capacity, Func<string, T> create)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        this.capacity = capacity;
        this.create = create;
    }

    /// <summary>Distinct texts held now; never more than the capacity.</summary>
    public int Count => instances.Count;

    /// <summary>The instance of the text: the same one for the same text while it is held.</summary>
    public T Get(string text)
    {
        if (instances.TryGetValue(text, out var shared))
        {
            return shared;
        }

        var created = create(text);

        // Starting over when full keeps the bound without bookkeeping; the texts in use (the seeded
        // job types' above all) are back after their next read. Instances already handed out stay valid.
        if (instances.Count >= capacity)
        {
            instances.Clear();
        }

        return instances.GetOrAdd(text, created);
    }
}
