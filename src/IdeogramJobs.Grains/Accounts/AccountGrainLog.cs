using IdeogramJobs.Contracts.Jobs;
using Microsoft.Extensions.Logging;

namespace IdeogramJobs.Grains.Accounts;

/// <summary>The account grain's log lines, logged by the grain and the parts that act for it under the grain's category.</summary>
internal static partial class AccountGrainLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Account {AccountId} is now {State}")]
    public static partial void ActiveChanged(ILogger logger, string accountId, string state);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Account {AccountId} limits changed")]
    public static partial void LimitsChanged(ILogger logger, string accountId);

    [LoggerMessage(EventId = 3, Level = LogLevel.Information, Message = "Submission refused by {Limit}; retry after {RetryAfter}")]
    public static partial void RateLimited(ILogger logger, string? limit, TimeSpan? retryAfter);

    [LoggerMessage(EventId = 4, Level = LogLevel.Information, Message = "Job {JobId} of type {JobType} queued")]
    public static partial void Queued(ILogger logger, long jobId, string jobType);

    [LoggerMessage(EventId = 5, Level = LogLevel.Debug, Message = "Job {JobId} ended {Status}; its slot is free")]
    public static partial void SlotFreed(ILogger logger, long jobId, JobStatus status);

    [LoggerMessage(EventId = 6, Level = LogLevel.Warning, Message = "Job {JobId} is queued but could not be dispatched yet; trying again in {Delay}")]
    public static partial void DispatchDeferred(ILogger logger, Exception exception, long jobId, TimeSpan delay);

    [LoggerMessage(EventId = 7, Level = LogLevel.Information, Message = "Account {AccountId}: job refused by the monthly budget of {BudgetUsd} USD for {Month}")]
    public static partial void BudgetRefused(ILogger logger, string accountId, decimal budgetUsd, string month);
}
