using IdeogramJobs.Api.Authentication;
using IdeogramJobs.Api.Problems;
using IdeogramJobs.Contracts.Accounts;
using IdeogramJobs.Contracts.Jobs;
using IdeogramJobs.Database.Queries;
using Microsoft.AspNetCore.Http.HttpResults;

namespace IdeogramJobs.Api.Jobs;

/// <summary>What the Failed jobs view needs beyond the list: each job's attempts, and retrying many at once.</summary>
public static class FailedJobsApi
{
    public static IEndpointRouteBuilder MapFailedJobsApi(this IEndpointRouteBuilder app)
    {
        var jobs = app.MapGroup("/api/jobs").WithTags("Jobs").RequireAuthorization(ApiKeyDefaults.AccountPolicy);

        jobs.MapPost("/retry", RetryManyAsync)
            .WithName("RetryJobs")
            .WithSummary("Queue several failed or cancelled jobs again, under the account's limits; answers per job")
            .WithDescription($"Send {{\"jobIds\": [...]}}, 1 to {BatchRetryRequest.MaxJobs} ids. Each job is retried as POST /api/jobs/{{jobId}}/retry would: queued, notFound, notAllowed or rateLimited.")
            .ProducesValidationProblem();

        jobs.MapGet("/{jobId:long}/log", GetLogAsync)
            .WithName("GetJobLog")
            .WithSummary("A job's log, oldest first: each attempt, what happened and when")
            .ProducesProblem(StatusCodes.Status404NotFound);

        return app;
    }

    private static async Task<Results<Ok<BatchRetryResponse>, ValidationProblem>> RetryManyAsync(BatchRetryRequest? request, HttpContext context, IClusterClient cluster)
    {
        var ids = request?.JobIds ?? [];
        if (ids.Count is 0 or > BatchRetryRequest.MaxJobs)
        {
            return SettingsProblems.Invalid("jobIds", $"Give 1 to {BatchRetryRequest.MaxJobs} job ids.", ids.Count.ToString());
        }

        // One after another, through the account grain: each retry is admitted under the same limits in order.
        var account = cluster.GetGrain<IAccountGrain>(Caller.From(context.User).Account);
        var results = new List<BatchRetryItem>();
        foreach (var jobId in ids.Distinct())
        {
            results.Add(BatchRetryItem.From(jobId, jobId > 0 ? await account.RetryAsync(jobId) : JobCommandResult.NotFound));
        }

        return TypedResults.Ok(new BatchRetryResponse(results.Count(r => r.Outcome == "queued"), results));
    }

    private static async Task<Results<Ok<JobLogResponse>, ProblemHttpResult>> GetLogAsync(long jobId, HttpContext context, IJobLogQueries queries) =>
        jobId > 0 && await queries.ListAsync(Caller.From(context.User).Account, jobId, context.RequestAborted) is { } lines
            ? TypedResults.Ok(new JobLogResponse(jobId, lines))
            : TypedResults.Problem("No such job for this account.", statusCode: StatusCodes.Status404NotFound, title: "Not found");
}
