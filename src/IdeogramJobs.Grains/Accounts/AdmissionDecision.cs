namespace IdeogramJobs.Grains.Accounts;

/// <summary>Admitted, or the limit that refused and when the same request would pass.</summary>
public sealed record AdmissionDecision(bool Admitted, string? Limit = null, TimeSpan? RetryAfter = null)
{
    public static AdmissionDecision Yes { get; } = new(true);
}
