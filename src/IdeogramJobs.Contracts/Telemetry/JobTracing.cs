using System.Diagnostics;

namespace IdeogramJobs.Contracts.Telemetry;

/// <summary>
/// The service's own spans (source "IdeogramJobs"): a job's attempt, and within it the Ideogram generate
/// call and each image store save, so a trace shows where a job's time went between the grain calls and the HTTP calls.
/// </summary>
public sealed class JobTracing : IDisposable
{
    public const string SourceName = "IdeogramJobs";

    private readonly ActivitySource source = new(SourceName);

    /// <summary>
    /// One attempt of a job, under the trace that started the job: an attempt runs from a grain timer,
    /// which carries no trace of its own. Null when nothing listens, so an idle process pays nothing.
    /// </summary>
    public Activity? StartAttempt(long jobId, int attempt, ActivityContext startedBy)
    {
        var activity = source.StartActivity("job.attempt", ActivityKind.Internal, startedBy);
        activity?.SetTag("ideogramjobs.job_id", jobId);
        activity?.SetTag("ideogramjobs.attempt", attempt);
        return activity;
    }

    public Activity? StartGeneration(long jobId, string? renderingSpeed, int images)
    {
        var activity = source.StartActivity("ideogram.generate", ActivityKind.Internal);
        activity?.SetTag("ideogramjobs.job_id", jobId);
        activity?.SetTag("ideogramjobs.rendering_speed", renderingSpeed);
        activity?.SetTag("ideogramjobs.images", images);
        return activity;
    }

    public Activity? StartImageSave(string store, long jobId, int index)
    {
        var activity = source.StartActivity("image.store", ActivityKind.Internal);
        activity?.SetTag("ideogramjobs.store", store);
        activity?.SetTag("ideogramjobs.job_id", jobId);
        activity?.SetTag("ideogramjobs.image_index", index);
        return activity;
    }

    public void Dispose() => source.Dispose();
}
