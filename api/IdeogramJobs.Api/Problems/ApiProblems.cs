using Microsoft.AspNetCore.Http.HttpResults;

namespace IdeogramJobs.Api.Problems;

/// <summary>RFC 7807 results for the statuses endpoints answer besides validation problems.</summary>
public static class ApiProblems
{
    public static ProblemHttpResult NotFound(string title, string? detail = null) =>
        TypedResults.Problem(title: title, detail: detail, statusCode: StatusCodes.Status404NotFound);

    public static ProblemHttpResult Conflict(string title, string? detail = null) =>
        TypedResults.Problem(title: title, detail: detail, statusCode: StatusCodes.Status409Conflict);
}
