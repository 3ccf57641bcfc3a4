namespace IdeogramJobs.Grains;

/// <summary>The grain storage provider every persistent grain state uses (MySQL, OrleansStorage table).</summary>
public static class GrainStorage
{
    public const string Name = "ideogramjobs";
}
