namespace IdeogramJobs.Contracts.Costs;

/// <summary>Dollar amounts as answers show them.</summary>
public static class Usd
{
    /// <summary>Drops the trailing zeros a DECIMAL column's scale adds, so 0.0600 reads 0.06.</summary>
    public static decimal Normalize(decimal value) => value / 1.0000000000000000000000000000m;
}
