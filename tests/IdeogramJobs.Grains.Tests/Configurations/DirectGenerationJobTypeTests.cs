using IdeogramJobs.Grains.Configurations;
using IdeogramJobs.Settings.Validation;

namespace IdeogramJobs.Grains.Tests.Configurations;

public sealed class DirectGenerationJobTypeTests
{
    [Fact]
    public void The_direct_generation_job_type_is_a_valid_job_type()
    {
        Assert.Empty(JobConfigurationValidator.Validate(DirectGenerationJobType.Draft));
    }
}
