using System.Security.Claims;

namespace IdeogramJobs.Api.Authentication;

/// <summary>
/// Who is calling, as the key said: the account acted on (always from the key, or for the service
/// admin from <see cref="ApiKeyDefaults.AccountHeader"/>) and what the key may do.
/// </summary>
public sealed record Caller(string? AccountId, bool IsAccountAdmin, bool IsServiceAdmin)
{
    /// <summary>The account of an endpoint behind <see cref="ApiKeyDefaults.AccountPolicy"/>.</summary>
    public string Account => AccountId ?? throw new InvalidOperationException("The endpoint is not behind the account policy.");

    /// <summary>Admins (of the account or of the service) may override any setting, not only what the UI schema offers.</summary>
    public bool MayOverrideAnything => IsAccountAdmin || IsServiceAdmin;

    public static Caller From(ClaimsPrincipal user) => new(
        user.FindFirstValue(ApiKeyDefaults.AccountClaim),
        user.HasClaim(ApiKeyDefaults.RoleClaim, ApiKeyDefaults.AccountAdminRole),
        user.HasClaim(ApiKeyDefaults.RoleClaim, ApiKeyDefaults.ServiceAdminRole));
}
