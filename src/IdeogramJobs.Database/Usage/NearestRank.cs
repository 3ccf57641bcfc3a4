namespace IdeogramJobs.Database.Usage;

/// <summary>
/// Percentiles by the nearest-rank method: the smallest value with at least p% of the values at or
/// below it. Always one of the observed values, and computed here because MySQL 8 has no PERCENTILE_CONT.
/// </summary>
internal static class NearestRank
{
    /// <summary>The <paramref name="percent"/>th percentile of values sorted ascending; null when there are none.</summary>
    public static double? Percentile(IReadOnlyList<double> sorted, double percent)
    {
        if (sorted.Count == 0)
        {
            return null;
        }

        var rank = (int)Math.Ceiling(percent / 100 * sorted.Count);
        return sorted[Math.Clamp(rank, 1, sorted.Count) - 1];
    }
}
