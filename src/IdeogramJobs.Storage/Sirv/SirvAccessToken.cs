namespace IdeogramJobs.Storage.Sirv;

/// <summary>A Sirv bearer token and the moment it should be replaced. ToString never shows the token.</summary>
public sealed class SirvAccessToken
{
    internal SirvAccessToken(string value, DateTimeOffset refreshAt)
    {
        Value = value;
        RefreshAt = refreshAt;
    }

    /// <summary>The bearer token; never log it.</summary>
    public string Value { get; }

    /// <summary>When the token is replaced, shortly before Sirv expires it.</summary>
    public DateTimeOffset RefreshAt { get; }

    public bool IsFreshAt(DateTimeOffset now) => now < RefreshAt;

    public override string ToString() => $"SirvAccessToken {{ RefreshAt = {RefreshAt:O} }}";
}
