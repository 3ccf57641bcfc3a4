using Microsoft.AspNetCore.Http.HttpResults;

namespace IdeogramJobs.Api.Queries;

/// <summary>
/// A filtered list endpoint's <c>status</c>, <c>offset</c> and <c>limit</c> query values checked
/// together: a bad status is answered first, then paging out of range.
/// </summary>
public static class ListQueryValues
{
    /// <summary>The 400 to answer, or null with <paramref name="wanted"/> the status asked for (null: any).</summary>
    public static ValidationProblem? Problem<TStatus>(string? status, IReadOnlyList<string> allowed, int offset, int limit, out TStatus? wanted)
        where TStatus : struct, Enum =>
        StatusFilter.TryParse(status, allowed, out wanted, out var problem) ? Paging.Problem(offset, limit) : problem;
}
