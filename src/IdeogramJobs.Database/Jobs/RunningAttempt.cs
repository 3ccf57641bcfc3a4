namespace IdeogramJobs.Database.Jobs;

/// <summary>An image job with an attempt under way (processing, with a worker), and the images it asked Ideogram for.</summary>
public sealed record RunningAttempt(long JobId, string AccountId, int NumImages);
