namespace IdeogramJobs.Grains.Accounts;

/// <summary>Admitted, or the limit that refused and when the same request would pass.</summary>
public sealed record AdmissionDecision(bool Admitted, string? Limit = null, TimeSpan? RetryAfter = null)
{
    public static AdmissionDecision Yes { get; } = new(true);

    /// <summary>What the submitter is told when the decision refuses.</summary>
    public string RefusalMessage => $"The account's {Limit} limit is reached; retry in {Math.Ceiling(RetryAfter!.Value.TotalSeconds)} s.";
}
