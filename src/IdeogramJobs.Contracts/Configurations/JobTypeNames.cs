namespace IdeogramJobs.Contracts.Configurations;

/// <summary>Job type names the service itself relies on.</summary>
public static class JobTypeNames
{
    /// <summary>The job type ad-hoc generations run as; created for an account on first use.</summary>
    public const string DirectGeneration = "ideogram_direct";
}
