namespace IdeogramJobs.Database.Jobs;

/// <summary>
/// Ideogram's answer for a job, kept the moment it arrived (ssnews_job_generations): what was
/// generated and billed, with the image URLs, so a failure after it stores the images again instead
/// of paying for a new generation.
/// </summary>
public sealed record SavedGeneration(DateTimeOffset Created, IReadOnlyList<SavedGenerationImage> Images);
