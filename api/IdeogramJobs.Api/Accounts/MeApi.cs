using IdeogramJobs.Api.Authentication;
using IdeogramJobs.Contracts.Accounts;
using Microsoft.AspNetCore.Http.HttpResults;

namespace IdeogramJobs.Api.Accounts;

public static class MeApi
{
    /// <summary>GET /api/me: the presented key's account, role, limits and usage today.</summary>
    public static IEndpointRouteBuilder MapMeApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/me", GetMeAsync)
            .WithTags("Account")
            .RequireAuthorization(ApiKeyDefaults.AccountPolicy)
            .WithName("GetMe")
            .WithSummary("The presented key's account, role and permissions, the account's limits and its usage today")
            .WithDescription("The service admin key answers for the account named in X-Account-Id.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    private static async Task<Results<Ok<MeResponse>, ProblemHttpResult>> GetMeAsync(HttpContext context, IClusterClient cluster)
    {
        var caller = Caller.From(context.User);
        return await cluster.GetGrain<IAccountProfileGrain>(caller.Account).GetAsync() is { } profile
            ? TypedResults.Ok(MeResponse.From(profile, caller))
            : TypedResults.Problem("The key's account no longer exists.", statusCode: StatusCodes.Status404NotFound, title: "Not found");
    }
}
