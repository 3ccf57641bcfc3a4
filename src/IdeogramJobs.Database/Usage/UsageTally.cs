using IdeogramJobs.Contracts.Admin;
using IdeogramJobs.Contracts.Costs;

namespace IdeogramJobs.Database.Usage;

/// <summary>The running counts of one period (or of the whole range), turned into figures at the end.</summary>
internal sealed class UsageTally
{
    private const string Completed = "completed";
    private const string Failed = "failed";

    private readonly Dictionary<string, int> jobsByStatus = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> jobsByType = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> rejectionsByLimit = new(StringComparer.Ordinal);
    private readonly List<double> generationSeconds = [];
    private int jobs;
    private int images;
    private int retries;
    private int rejections;
    private readonly Dictionary<string, decimal> billedByType = new(StringComparer.Ordinal);
    private decimal billed;
    private decimal cost;

    /// <summary>One job; <paramref name="generationSeconds"/> counts only when the job completed.</summary>
    public void AddJob(string status, string jobTypeName, int imageCount, int retryCount, double? generationSeconds)
    {
        jobs++;
        Increment(jobsByStatus, status, 1);
        Increment(jobsByType, jobTypeName, 1);
        images += imageCount;
        retries += retryCount;
        if (status == Completed && generationSeconds is { } seconds)
        {
            this.generationSeconds.Add(seconds);
        }
    }

    /// <summary>One job's dollars: billed by Ideogram for it, and the cost of its delivered images.</summary>
    public void AddSpend(string jobTypeName, decimal billedUsd, decimal costUsd)
    {
        billed += billedUsd;
        cost += costUsd;
        billedByType[jobTypeName] = billedByType.GetValueOrDefault(jobTypeName) + billedUsd;
    }

    public void AddRejections(string limit, int count)
    {
        rejections += count;
        Increment(rejectionsByLimit, limit, count);
    }

    public UsageFigures ToFigures()
    {
        var completed = jobsByStatus.GetValueOrDefault(Completed);
        var finished = completed + jobsByStatus.GetValueOrDefault(Failed);
        var sorted = generationSeconds.Order().ToList();
        return new UsageFigures
        {
            Jobs = jobs,
            JobsByStatus = new Dictionary<string, int>(jobsByStatus),
            JobsByType = new Dictionary<string, int>(jobsByType),
            Images = images,
            SuccessRate = finished == 0 ? null : (double)completed / finished,
            GenerationSecondsP50 = NearestRank.Percentile(sorted, 50),
            GenerationSecondsP95 = NearestRank.Percentile(sorted, 95),
            Retries = retries,
            RateLimitRejections = rejections,
            RejectionsByLimit = new Dictionary<string, int>(rejectionsByLimit),
            BilledUsd = Usd.Normalize(billed),
            CostUsd = Usd.Normalize(cost),
            BilledUsdByType = billedByType.ToDictionary(p => p.Key, p => Usd.Normalize(p.Value), StringComparer.Ordinal),
        };
    }

    private static void Increment(Dictionary<string, int> counts, string key, int by) =>
        counts[key] = counts.GetValueOrDefault(key) + by;
}
