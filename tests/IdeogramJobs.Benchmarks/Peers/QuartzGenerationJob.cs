using Quartz;

namespace IdeogramJobs.Benchmarks.Peers;

/// <summary>
/// The peer's job body, the same work one job of ours does on the happy path: the job row marked
/// processing, one generation from the simulator, the image downloaded and written to disk, its image row
/// inserted and the job marked completed. A failure marks the job failed, so the benchmark sees it end.
/// </summary>
public sealed class QuartzGenerationJob(PeerJobRows rows, PeerIdeogramCalls ideogram, PeerImageFiles files) : IJob
{
    public const string JobIdKey = "jobId";
    public const string AccountIdKey = "accountId";
    public const string PromptKey = "prompt";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var data = context.MergedJobDataMap;
        var jobId = data.GetLong(JobIdKey);
        var accountId = data.GetString(AccountIdKey)!;
        var prompt = data.GetString(PromptKey)!;
        try
        {
            await rows.MarkProcessingAsync(jobId, context.Scheduler.SchedulerInstanceId, cancellationToken);
            var (url, metadata) = await ideogram.GenerateAsync(prompt, cancellationToken);
            var content = await ideogram.DownloadAsync(url, cancellationToken);
            var (storagePath, publicUrl) = await files.SaveAsync(jobId, 0, content, cancellationToken);
            await rows.InsertImageAsync(accountId, jobId, storagePath, publicUrl, prompt, metadata, cancellationToken);
            await rows.CompleteAsync(jobId, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            await Console.Error.WriteLineAsync($"[quartz-peer] job {jobId} failed: {e.GetType().Name}: {e.Message}");
            await rows.FailAsync(jobId, e.Message, CancellationToken.None);
        }
    }
}
