using IdeogramJobs.Cluster.Tests.Infrastructure;

namespace IdeogramJobs.Cluster.Tests.Jobs;

/// <summary>A cluster whose image folder a test breaks and mends; five attempts, so mending in time is not a race.</summary>
public sealed class StorageFaultFixture : JobEngineFixture
{
    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["RETRY_MAX_ATTEMPTS"] = "5",
    };

    /// <summary>Puts a plain file where the image folder was, so every image write fails with an I/O error.</summary>
    public void BreakImageFolder()
    {
        if (Directory.Exists(ImageRoot))
        {
            Directory.Delete(ImageRoot, recursive: true);
        }

        File.WriteAllText(ImageRoot, "not a folder");
    }

    public void MendImageFolder()
    {
        File.Delete(ImageRoot);
        Directory.CreateDirectory(ImageRoot);
    }
}
