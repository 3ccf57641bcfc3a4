namespace IdeogramJobs.Api.Authentication;

/// <summary>Names of the API-key scheme, its claims and the authorization policies.</summary>
public static class ApiKeyDefaults
{
    public const string Scheme = "ApiKey";
    public const string AccountClaim = "ideogramjobs:account";
    public const string RoleClaim = "ideogramjobs:role";
    public const string KeyIdClaim = "ideogramjobs:key";

    /// <summary>"true" or "false": whether the key's account is active (account keys only).</summary>
    public const string AccountActiveClaim = "ideogramjobs:account-active";

    /// <summary>The service admin (ADMIN_API_KEY) names the account it acts on with this header.</summary>
    public const string AccountHeader = "X-Account-Id";

    /// <summary>Any caller acting on an account: an account key, or the service admin naming an account.</summary>
    public const string AccountPolicy = "account";

    /// <summary>Changes to an account's job types: an admin key of the account, or the service admin.</summary>
    public const string AccountAdminPolicy = "account-admin";

    /// <summary>Service administration: the ADMIN_API_KEY only.</summary>
    public const string ServiceAdminPolicy = "service-admin";

    public const string UserRole = "user";
    public const string AccountAdminRole = "admin";
    public const string ServiceAdminRole = "service-admin";
}
