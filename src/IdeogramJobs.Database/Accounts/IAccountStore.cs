namespace IdeogramJobs.Database.Accounts;

/// <summary>Accounts (ssnews_accounts) and their admission limits (ssnews_account_job_limits).</summary>
public interface IAccountStore
{
    Task<AccountRecord?> GetAsync(string accountId, CancellationToken cancellationToken);

    Task<IReadOnlyList<AccountRecord>> ListAsync(CancellationToken cancellationToken);

    Task<bool> SetActiveAsync(string accountId, bool isActive, CancellationToken cancellationToken);

    /// <summary>Replaces the account's row in ssnews_account_job_limits (null: service default).</summary>
    Task<bool> SetLimitsAsync(string accountId, IdeogramJobs.Contracts.Accounts.AccountLimits limits, CancellationToken cancellationToken);

    /// <summary>Records a refused submission for the usage figures (ssnews_job_admission_rejections).</summary>
    Task RecordRejectionAsync(string accountId, string limit, string? jobTypeName, CancellationToken cancellationToken);
}
