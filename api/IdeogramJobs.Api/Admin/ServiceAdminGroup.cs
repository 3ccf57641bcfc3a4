using IdeogramJobs.Api.Authentication;

namespace IdeogramJobs.Api.Admin;

/// <summary>
/// The route group every service-admin endpoint is mapped in: /api/admin, tagged Admin, behind the
/// service-admin policy, so no admin endpoint can be mapped without it.
/// </summary>
public static class ServiceAdminGroup
{
    public static RouteGroupBuilder MapServiceAdminGroup(this IEndpointRouteBuilder app) =>
        app.MapGroup("/api/admin")
            .WithTags("Admin")
            .RequireAuthorization(ApiKeyDefaults.ServiceAdminPolicy)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
}
