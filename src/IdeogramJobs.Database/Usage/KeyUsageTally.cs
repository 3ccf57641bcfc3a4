using IdeogramJobs.Contracts.OrganisationKeys;

namespace IdeogramJobs.Database.Usage;

/// <summary>The running counts of one organisation or key identity, turned into figures at the end.</summary>
internal sealed class KeyUsageTally
{
    private int jobs;
    private int completed;
    private int failed;
    private int cancelled;
    private int images;

    public int Jobs => jobs;

    public void Add(string status, int jobCount, int imageCount)
    {
        jobs += jobCount;
        images += imageCount;
        switch (status)
        {
            case "completed":
                completed += jobCount;
                break;
            case "failed":
                failed += jobCount;
                break;
            case "cancelled":
                cancelled += jobCount;
                break;
        }
    }

    public KeyUsageFigures ToFigures() => new()
    {
        Jobs = jobs,
        Completed = completed,
        Failed = failed,
        Cancelled = cancelled,
        Images = images,
    };
}
