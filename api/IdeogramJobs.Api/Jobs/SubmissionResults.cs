using System.Globalization;
using IdeogramJobs.Api.Budgets;
using IdeogramJobs.Api.Problems;
using IdeogramJobs.Contracts.Jobs;
using Microsoft.Net.Http.Headers;

namespace IdeogramJobs.Api.Jobs;

/// <summary>How a submission's outcome reads over HTTP.</summary>
public static class SubmissionResults
{
    public static IResult ToHttp(SubmissionResult result, HttpContext context)
    {
        switch (result.Outcome)
        {
            case SubmissionOutcome.Accepted:
                var jobId = result.JobId!.Value;
                var accepted = new JobAcceptedResponse(
                    jobId, result.Status ?? JobStatus.Queued, result.FinalSettings, result.Replayed,
                    $"/api/jobs/{jobId}/status", $"/api/jobs/{jobId}/results", $"/api/jobs/{jobId}/events", result.Estimate);
                return TypedResults.Accepted(accepted.StatusUrl, accepted);

            case SubmissionOutcome.Invalid:
                return SettingsProblems.Invalid(result.Errors, result.Message ?? "The job's settings are not valid.");

            case SubmissionOutcome.RateLimited:
                var seconds = (int)Math.Ceiling(result.RetryAfter?.TotalSeconds ?? 60);
                context.Response.Headers[HeaderNames.RetryAfter] = seconds.ToString(CultureInfo.InvariantCulture);
                return TypedResults.Problem(
                    result.Message,
                    statusCode: StatusCodes.Status429TooManyRequests,
                    title: "Rate limit reached",
                    extensions: new Dictionary<string, object?> { ["limit"] = result.Limit, ["retryAfterSeconds"] = seconds });

            case SubmissionOutcome.AccountInactive:
                return TypedResults.Problem(result.Message, statusCode: StatusCodes.Status403Forbidden, title: "Account deactivated");

            case SubmissionOutcome.JobTypeNotFound:
                return TypedResults.Problem(result.Message, statusCode: StatusCodes.Status404NotFound, title: "Not found");

            case SubmissionOutcome.JobTypeInactive:
                return TypedResults.Problem(result.Message, statusCode: StatusCodes.Status409Conflict, title: "Job type deactivated");

            case SubmissionOutcome.IdempotencyConflict:
                return TypedResults.Problem(
                    result.Message,
                    statusCode: StatusCodes.Status409Conflict,
                    title: "Idempotency key reused",
                    extensions: new Dictionary<string, object?> { ["jobId"] = result.JobId });

            case SubmissionOutcome.BudgetExceeded:
                return BudgetProblems.Exceeded(result);

            default:
                throw new ArgumentOutOfRangeException(nameof(result), result.Outcome, "Unknown submission outcome.");
        }
    }
}
