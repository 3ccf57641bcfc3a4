using IdeogramJobs.Database.Logs;
using Microsoft.Extensions.Logging;

namespace IdeogramJobs.Grains.Jobs;

/// <summary>The steps of one job in ssnews_system_logs; the log is a record, so its own failure only warns.</summary>
public sealed class JobStepLog(JobActivation activation, ISystemLog systemLog, ILogger logger)
{
    public async Task WriteAsync(SystemLogLevel level, string message)
    {
        try
        {
            await systemLog.WriteAsync(level, message, activation.JobId, activation.AccountId, metadataJson: null, CancellationToken.None);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            JobGrainLog.StepNotWritten(logger, e, activation.JobId, activation.AccountId);
        }
    }
}
