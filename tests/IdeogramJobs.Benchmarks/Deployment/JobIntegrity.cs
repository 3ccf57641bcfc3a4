namespace IdeogramJobs.Benchmarks.Deployment;

/// <summary>What a run left behind that a user would call a bug: image rows twice, finished jobs without images, jobs stuck.</summary>
public sealed record JobIntegrity(long DuplicateImageRows, long CompletedWithoutImages, long StillProcessing, long Retries);
