using IdeogramJobs.Api.Problems;
using IdeogramJobs.Contracts.Settings;
using Microsoft.AspNetCore.Http.HttpResults;

namespace IdeogramJobs.Api.Queries;

/// <summary>A list endpoint's <c>offset</c> and <c>limit</c> query values.</summary>
public static class Paging
{
    private const int MaxLimit = 200;

    /// <summary>A 400 naming each value out of range, or null when both are fine.</summary>
    public static ValidationProblem? Problem(int offset, int limit)
    {
        var errors = new List<SettingsError>();
        if (offset < 0)
        {
            errors.Add(new("offset", "The offset is 0 or more.", offset.ToString()));
        }

        if (limit is < 1 or > MaxLimit)
        {
            errors.Add(new("limit", $"The limit is between 1 and {MaxLimit}.", limit.ToString()));
        }

        return errors.Count > 0 ? SettingsProblems.Invalid(errors) : null;
    }
}
