using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.Net.Http.Headers;

namespace IdeogramJobs.Api.Authentication;

/// <summary>
/// Turns a refused authorization into a 403 problem that says why (the reasons of the failed
/// requirements); challenges (401) are left to <see cref="ApiKeyAuthenticationHandler"/>.
/// </summary>
public sealed class ApiKeyAuthorizationResultHandler(IProblemDetailsService problems) : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler fallback = new();

    public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (!authorizeResult.Forbidden)
        {
            return fallback.HandleAsync(next, context, policy, authorizeResult);
        }

        var failure = authorizeResult.AuthorizationFailure;
        var reasons = failure?.FailureReasons.Select(r => r.Message).Distinct().ToArray() ?? [];
        var detail = reasons.Length > 0 ? string.Join(" ", reasons) : "This key may not do this.";
        var insufficientScope = failure?.FailedRequirements.OfType<ApiKeyRoleRequirement>().Any() ?? false;
        return WriteForbiddenAsync(context, problems, detail, insufficientScope);
    }

    public static async Task WriteForbiddenAsync(HttpContext context, IProblemDetailsService problems, string detail, bool insufficientScope)
    {
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        if (insufficientScope)
        {
            context.Response.Headers[HeaderNames.WWWAuthenticate] = "Bearer realm=\"ideogram-jobs\", error=\"insufficient_scope\"";
        }

        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = { Status = StatusCodes.Status403Forbidden, Title = "This key may not do this.", Detail = detail },
        });
    }
}
