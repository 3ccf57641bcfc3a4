namespace IdeogramJobs.Ideogram.Integration.Tests.Infrastructure;

/// <summary>
/// A fresh, unmistakable API key per use: the simulator counts per key, so a test's counters never
/// mix with another's, and a key this distinctive cannot appear anywhere by coincidence.
/// </summary>
public static class TestApiKeys
{
    public static string New() => $"ik_integration_S3cret_{Guid.NewGuid():N}";
}
