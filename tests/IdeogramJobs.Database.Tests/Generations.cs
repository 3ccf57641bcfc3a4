using IdeogramJobs.Contracts.Settings;
using IdeogramJobs.Database.Images;

namespace IdeogramJobs.Database.Tests;

/// <summary>A generation's metadata as the engine records it with each image, for the image rows tests write.</summary>
public static class Generations
{
    public static GenerationMetadata Example { get; } = new()
    {
        JobTypeName = "concept_illustration",
        ConfigId = 1,
        RequestedPrompt = "A map of an imaginary island",
        FinalSettings = new JobSettings { NumImages = 2 },
        ContentType = "image/png",
        SizeBytes = 2048,
        Sha256 = new string('a', 64),
    };
}
