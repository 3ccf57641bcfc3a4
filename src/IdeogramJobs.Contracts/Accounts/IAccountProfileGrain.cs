namespace IdeogramJobs.Contracts.Accounts;

/// <summary>Reads an account's profile (key: account_id): limits in force and usage today.</summary>
[Alias("ideogramjobs.account-profile-grain")]
public interface IAccountProfileGrain : IGrainWithStringKey
{
    /// <summary>The profile, or null when the account does not exist.</summary>
    [Alias("get")]
    Task<AccountProfile?> GetAsync();
}
