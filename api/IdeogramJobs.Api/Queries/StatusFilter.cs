using IdeogramJobs.Api.Problems;
using Microsoft.AspNetCore.Http.HttpResults;

namespace IdeogramJobs.Api.Queries;

/// <summary>
/// A list endpoint's <c>status</c> query value: a name of <typeparamref name="TStatus"/> in any
/// case, written with or without underscores (<c>pending_review</c>); numbers are refused.
/// </summary>
public static class StatusFilter
{
    private const int EchoedChars = 80;

    public static bool TryParse<TStatus>(string? value, IReadOnlyList<string> allowed, out TStatus? status, out ValidationProblem? problem)
        where TStatus : struct, Enum
    {
        status = null;
        problem = null;
        if (value is null)
        {
            return true;
        }

        if (Enum.TryParse<TStatus>(value.Replace("_", string.Empty), ignoreCase: true, out var parsed) && !int.TryParse(value, out _))
        {
            status = parsed;
            return true;
        }

        problem = SettingsProblems.Invalid("status", "Not a status of this list.", value.Length <= EchoedChars ? value : value[..EchoedChars], allowed);
        return false;
    }
}
