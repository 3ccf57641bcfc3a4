namespace IdeogramJobs.Storage.Tests.SirvHost;

/// <summary>An hourly Sirv rate-limit bucket: the hour starts with the first request Sirv receives in it.</summary>
public sealed class SirvRateBucket(string type, int limit)
{
    private DateTimeOffset _reset = DateTimeOffset.MinValue;

    public string Type { get; } = type;

    public int Limit { get; set; } = limit;

    public int Remaining { get; private set; }

    public DateTimeOffset Reset => _reset;

    /// <summary>Counts one call; false when the bucket is already empty for this hour.</summary>
    public bool TryConsume(DateTimeOffset now)
    {
        if (now >= _reset)
        {
            _reset = DateTimeOffset.FromUnixTimeSeconds(now.ToUnixTimeSeconds()) + TimeSpan.FromHours(1);
            Remaining = Limit;
        }

        if (Remaining <= 0)
        {
            return false;
        }

        Remaining--;
        return true;
    }
}
