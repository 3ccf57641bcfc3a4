using Microsoft.AspNetCore.Authorization;

namespace IdeogramJobs.Api.Authentication;

/// <summary>The key has one of <see cref="Roles"/>; otherwise <see cref="Refusal"/> explains the 403.</summary>
public sealed class ApiKeyRoleRequirement(string refusal, params string[] roles)
    : AuthorizationHandler<ApiKeyRoleRequirement>, IAuthorizationRequirement
{
    public IReadOnlyList<string> Roles { get; } = roles;

    public string Refusal { get; } = refusal;

    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, ApiKeyRoleRequirement requirement)
    {
        if (requirement.Roles.Any(role => context.User.HasClaim(ApiKeyDefaults.RoleClaim, role)))
        {
            context.Succeed(requirement);
        }
        else
        {
            context.Fail(new AuthorizationFailureReason(this, requirement.Refusal));
        }

        return Task.CompletedTask;
    }
}
