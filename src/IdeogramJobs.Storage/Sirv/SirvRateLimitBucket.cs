namespace IdeogramJobs.Storage.Sirv;

/// <summary>One rate-limit header family as read from a Sirv response.</summary>
/// <param name="Family">The header prefix, X-RateLimit or X-Global-RateLimit.</param>
/// <param name="Type">The bucket name when Sirv sends one (e.g. rest:post:files:upload).</param>
internal sealed record SirvRateLimitBucket(string Family, string? Type, long? Limit, long? Remaining, DateTimeOffset? Reset)
{
    public bool IsExhausted => Remaining is <= 0;

    public string Name => Type ?? Family;
}
