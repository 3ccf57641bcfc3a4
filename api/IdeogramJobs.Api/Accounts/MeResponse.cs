using IdeogramJobs.Api.Authentication;
using IdeogramJobs.Contracts.Accounts;

namespace IdeogramJobs.Api.Accounts;

/// <summary>
/// Who the presented key is: its account, its role (user, account-admin or service-admin), what it
/// may do, the account's limits (with which of them are the account's own) and its usage today.
/// </summary>
public sealed record MeResponse(
    string AccountId,
    string AccountName,
    bool AccountActive,
    string Role,
    MePermissions May,
    AccountLimits Limits,
    AccountLimits LimitOverrides,
    AccountUsageToday UsageToday)
{
    public const string UserRole = "user";
    public const string AccountAdminRole = "account-admin";
    public const string ServiceAdminRole = "service-admin";

    public static MeResponse From(AccountProfile profile, Caller caller)
    {
        var role = caller.IsServiceAdmin ? ServiceAdminRole : caller.IsAccountAdmin ? AccountAdminRole : UserRole;
        return new MeResponse(
            profile.AccountId,
            profile.Name,
            profile.IsActive,
            role,
            new MePermissions(
                RunJobs: profile.IsActive,
                EditJobTypes: caller.MayOverrideAnything,
                EditBrandLibrary: caller.MayOverrideAnything,
                OverrideAnySetting: caller.MayOverrideAnything,
                AdministerService: caller.IsServiceAdmin),
            profile.Limits,
            profile.Overrides,
            profile.UsageToday);
    }
}
