using IdeogramJobs.Contracts.Jobs;

namespace IdeogramJobs.Api.Jobs;

/// <summary>How a cancel or retry reads over HTTP.</summary>
public static class JobCommandResults
{
    public static IResult ToHttp(JobCommandResult result, long jobId) => result.Outcome switch
    {
        JobCommandOutcome.Done => TypedResults.Ok(new { jobId, status = result.Status }),
        JobCommandOutcome.NotFound => TypedResults.Problem("No such job.", statusCode: StatusCodes.Status404NotFound, title: "Not found"),
        JobCommandOutcome.NotAllowed => TypedResults.Problem(result.Message, statusCode: StatusCodes.Status409Conflict, title: "Not allowed in the job's state",
            extensions: new Dictionary<string, object?> { ["jobStatus"] = result.Status }),
        JobCommandOutcome.RateLimited => TypedResults.Problem(result.Message, statusCode: StatusCodes.Status429TooManyRequests, title: "Rate limit reached"),
        JobCommandOutcome.BudgetExceeded => TypedResults.Problem(result.Message, statusCode: StatusCodes.Status402PaymentRequired, title: "Monthly budget exceeded"),
        _ => throw new ArgumentOutOfRangeException(nameof(result), result.Outcome, "Unknown command outcome."),
    };
}
