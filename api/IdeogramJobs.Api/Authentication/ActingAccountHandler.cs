using IdeogramJobs.Api.Accounts;
using IdeogramJobs.Contracts.Accounts;
using Microsoft.AspNetCore.Authorization;

namespace IdeogramJobs.Api.Authentication;

/// <summary>Decides <see cref="ActingAccountRequirement"/>, with a reason the 403 problem shows.</summary>
public sealed class ActingAccountHandler(IClusterClient cluster) : AuthorizationHandler<ActingAccountRequirement>
{
    public const string DeactivatedMessage = "The account is deactivated: its keys cannot use it until a service admin activates it again.";

    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, ActingAccountRequirement requirement)
    {
        var caller = Caller.From(context.User);
        var refusal = caller.IsServiceAdmin ? await ServiceAdminRefusalAsync(caller, context.Resource as HttpContext) : AccountKeyRefusal(context, caller);
        if (refusal is null)
        {
            context.Succeed(requirement);
        }
        else
        {
            context.Fail(new AuthorizationFailureReason(this, refusal));
        }
    }

    private static string? AccountKeyRefusal(AuthorizationHandlerContext context, Caller caller)
    {
        if (caller.AccountId is null)
        {
            return "This key belongs to no account.";
        }

        return context.User.HasClaim(ApiKeyDefaults.AccountActiveClaim, "true") ? null : DeactivatedMessage;
    }

    private async Task<string?> ServiceAdminRefusalAsync(Caller caller, HttpContext? http)
    {
        if (caller.AccountId is null)
        {
            var named = http?.Request.Headers[ApiKeyDefaults.AccountHeader] ?? default;
            return named.Count == 0
                ? $"The admin key acts on an account only when the {ApiKeyDefaults.AccountHeader} header names it."
                : $"{ApiKeyDefaults.AccountHeader} must be one account id of {AccountIdFormat.Description}.";
        }

        var account = await cluster.GetGrain<IAccountGrain>(caller.AccountId).GetSummaryAsync();
        return account is null ? $"No account has the id given in {ApiKeyDefaults.AccountHeader}." : null;
    }
}
