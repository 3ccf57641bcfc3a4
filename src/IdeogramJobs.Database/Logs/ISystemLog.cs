namespace IdeogramJobs.Database.Logs;

/// <summary>Job execution steps in ssnews_system_logs (source 'ideogram-jobs'), with job and account ids.</summary>
public interface ISystemLog
{
    Task WriteAsync(SystemLogLevel level, string message, long? jobId, string? accountId, string? metadataJson, CancellationToken cancellationToken);
}
