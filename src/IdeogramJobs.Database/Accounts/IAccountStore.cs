namespace IdeogramJobs.Database.Accounts;

/// <summary>Accounts (ssnews_accounts) and their admission limits (ssnews_account_job_limits).</summary>
public interface IAccountStore
{
    Task<AccountRecord?> GetAsync(string accountId, CancellationToken cancellationToken);

    /// <summary>Records a refused submission for the usage figures (ssnews_job_admission_rejections).</summary>
    Task RecordRejectionAsync(string accountId, string limit, string? jobTypeName, CancellationToken cancellationToken);
}
