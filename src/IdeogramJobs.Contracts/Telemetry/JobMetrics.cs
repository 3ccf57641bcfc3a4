using System.Diagnostics;
using System.Diagnostics.Metrics;
using IdeogramJobs.Contracts.Jobs;

namespace IdeogramJobs.Contracts.Telemetry;

/// <summary>
/// The service's own metrics (meter "IdeogramJobs"). Recording is a counter add or a histogram record
/// with a few tags of small fixed cardinality, cheap enough for the hot path. The capacity gauges are
/// <see cref="ProviderCapacityGauges"/>.
/// </summary>
public sealed class JobMetrics
{
    public const string MeterName = "IdeogramJobs";

    // In seconds: the SDK's default buckets are made for milliseconds.
    private static readonly double[] QueueWaitBuckets = [0.1, 0.5, 1, 2, 5, 10, 30, 60, 120, 300, 600, 1800, 3600];
    private static readonly double[] GenerationBuckets = [1, 2, 5, 10, 15, 20, 30, 45, 60, 90, 120, 180, 300];

    private readonly Counter<long> jobsFinished;
    private readonly Histogram<double> queueWait;
    private readonly Histogram<double> generationDuration;
    private readonly Counter<long> attemptsRetried;
    private readonly Counter<long> providerOverLimit;
    private readonly Counter<long> storageUploads;
    private readonly Counter<long> storageThrottled;

    public JobMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        jobsFinished = meter.CreateCounter<long>("ideogramjobs.jobs.finished", "{job}", "Jobs that reached a terminal status.");
        queueWait = meter.CreateHistogram("ideogramjobs.jobs.queue_wait", "s", "From a job's submission to the start of its first attempt.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = QueueWaitBuckets });
        generationDuration = meter.CreateHistogram("ideogramjobs.generation.duration", "s", "The billed Ideogram generate call, retries within it included.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = GenerationBuckets });
        attemptsRetried = meter.CreateCounter<long>("ideogramjobs.attempts.retried", "{attempt}", "Attempts that ended with another one scheduled, by cause.");
        providerOverLimit = meter.CreateCounter<long>("ideogramjobs.provider.over_limit", "{response}", "Ideogram answered 429: over its in-flight or rate limit.");
        storageUploads = meter.CreateCounter<long>("ideogramjobs.storage.uploads", "{image}", "Images saved to the image store, by store and outcome.");
        storageThrottled = meter.CreateCounter<long>("ideogramjobs.storage.throttled", "{response}", "Sirv answered 429: its API rate limit was reached.");
    }

    public void JobFinished(string jobType, JobStatus status) =>
        jobsFinished.Add(1, new TagList { { "job_type", jobType }, { "outcome", status.ToDatabase() } });

    public void QueueWaited(string jobType, TimeSpan wait) =>
        queueWait.Record(Math.Max(wait.TotalSeconds, 0), new KeyValuePair<string, object?>("job_type", jobType));

    /// <param name="outcome">ok, or the failure kind (rate_limited, provider_error, timeout, ...).</param>
    public void GenerationEnded(string? renderingSpeed, string outcome, TimeSpan duration) =>
        generationDuration.Record(duration.TotalSeconds, new TagList
        {
            { "rendering_speed", renderingSpeed?.ToUpperInvariant() ?? "DEFAULT" },
            { "outcome", outcome },
        });

    public void AttemptRetried(string cause) => attemptsRetried.Add(1, new KeyValuePair<string, object?>("cause", cause));

    public void ProviderOverLimit() => providerOverLimit.Add(1);

    /// <param name="store">sirv or disk.</param>
    /// <param name="outcome">ok, transient or failed.</param>
    public void ImageStored(string store, string outcome) =>
        storageUploads.Add(1, new TagList { { "store", store }, { "outcome", outcome } });

    public void StorageThrottled() => storageThrottled.Add(1);
}
