namespace IdeogramJobs.Contracts.Jobs;

/// <summary>One generated image of a job, as recorded in ssnews_image_assets.</summary>
[GenerateSerializer, Immutable, Alias("ideogramjobs.job-image")]
public sealed record JobImage
{
    [Id(0)] public required long ImageId { get; init; }
    [Id(1)] public required int Index { get; init; }
    [Id(2)] public required string Url { get; init; }
    [Id(3)] public long? Seed { get; init; }
    [Id(4)] public string? Resolution { get; init; }
    [Id(5)] public string? StyleType { get; init; }
    [Id(6)] public bool IsImageSafe { get; init; } = true;
    [Id(7)] public string? Prompt { get; init; }

    /// <summary>Where the image is in its store (starting with '/'), from which its URL is built when answering.</summary>
    [Id(8)] public string? StoragePath { get; init; }
}
