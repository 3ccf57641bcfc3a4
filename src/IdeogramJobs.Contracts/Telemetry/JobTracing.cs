using System.Diagnostics;

namespace IdeogramJobs.Contracts.Telemetry;

/// <summary>
/// The service's own spans (source "IdeogramJobs"): the Ideogram generate call and each image store
/// save, so a trace shows where a job's time went between the grain calls and the HTTP calls.
/// </summary>
public sealed class JobTracing : IDisposable
{
    public const string SourceName = "IdeogramJobs";

    private readonly ActivitySource source = new(SourceName);

    /// <summary>Null when nothing listens, so an idle process pays nothing.</summary>
    public Activity? StartGeneration(long jobId, string? renderingSpeed, int images, ActivityContext parent = default)
    {
        var activity = source.StartActivity("ideogram.generate", ActivityKind.Internal, parent);
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
