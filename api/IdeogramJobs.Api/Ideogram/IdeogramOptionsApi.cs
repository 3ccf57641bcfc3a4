using IdeogramJobs.Api.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;

namespace IdeogramJobs.Api.Ideogram;

/// <summary>What the Ideogram V3 settings accept, for building forms and checking input before sending it.</summary>
public static class IdeogramOptionsApi
{
    public static IEndpointRouteBuilder MapIdeogramOptionsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/ideogram/v3")
            .WithTags("Ideogram V3")
            .RequireAuthorization(ApiKeyDefaults.AccountPolicy)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);

        group.MapGet("/styles", GetStyles)
            .WithName("GetIdeogramStyles")
            .WithSummary("The V3 core styles with their labels and categories");

        group.MapGet("/options", GetOptions)
            .WithName("GetIdeogramOptions")
            .WithSummary("Every accepted value of the V3 settings (aspect ratios and speeds in both the specification's and the API's form) and the limits");

        return app;
    }

    private static Ok<IReadOnlyList<V3Style>> GetStyles() => TypedResults.Ok(V3Style.Core);

    private static Ok<V3GenerationOptions> GetOptions() => TypedResults.Ok(V3GenerationOptions.Current);
}
