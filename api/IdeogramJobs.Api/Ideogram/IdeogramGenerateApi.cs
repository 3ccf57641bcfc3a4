using IdeogramJobs.Api.Authentication;
using IdeogramJobs.Api.Images;
using IdeogramJobs.Api.Jobs;
using IdeogramJobs.Api.Problems;
using IdeogramJobs.Contracts.Configurations;
using IdeogramJobs.Contracts.Jobs;
using Microsoft.AspNetCore.Mvc;

namespace IdeogramJobs.Api.Ideogram;

public static class IdeogramGenerateApi
{
    private const int DefaultWaitSeconds = 25;
    private const int MaxWaitSeconds = 55;

    /// <summary>
    /// Generation in one call: both endpoints submit a job (under the account's limits like any
    /// other) and wait for its images up to a bound; past it they answer 202 like execute.
    /// </summary>
    public static IEndpointRouteBuilder MapIdeogramGenerateApi(this IEndpointRouteBuilder app)
    {
        var ideogram = app.MapGroup("/api/ideogram/v3").WithTags("Ideogram V3").RequireAuthorization(ApiKeyDefaults.AccountPolicy);

        ideogram.MapPost("/generate", GenerateAsync)
            .WithName("GenerateImages")
            .WithSummary("Generate with ad-hoc V3 settings; waits for the images up to waitSeconds")
            .Produces<JobResultsResponse>()
            .Produces<JobAcceptedResponse>(StatusCodes.Status202Accepted)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

        ideogram.MapPost("/generate-with-overrides", GenerateWithOverridesAsync)
            .WithName("GenerateImagesWithOverrides")
            .WithSummary("Generate with a job type's defaults plus overrides; waits for the images up to waitSeconds")
            .Produces<JobResultsResponse>()
            .Produces<JobAcceptedResponse>(StatusCodes.Status202Accepted)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

        return app;
    }

    private static Task<IResult> GenerateAsync(
        GenerateRequest request, [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey, HttpContext context, IClusterClient cluster) =>
        SubmitAndWaitAsync(
            new ExecuteJobRequest { JobType = JobTypeNames.DirectGeneration, Prompt = request.Prompt, Overrides = request.Settings, Priority = request.Priority },
            request.WaitSeconds, idempotencyKey, context, cluster);

    private static Task<IResult> GenerateWithOverridesAsync(
        GenerateWithOverridesRequest request, [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey, HttpContext context, IClusterClient cluster) =>
        SubmitAndWaitAsync(
            new ExecuteJobRequest { JobType = request.JobType, ConfigId = request.ConfigId, Prompt = request.Prompt, Overrides = request.Overrides, Priority = request.Priority },
            request.WaitSeconds, idempotencyKey, context, cluster);

    private static async Task<IResult> SubmitAndWaitAsync(
        ExecuteJobRequest request, int? waitSeconds, string? idempotencyKey, HttpContext context, IClusterClient cluster)
    {
        if (waitSeconds is < 0 or > MaxWaitSeconds)
        {
            return SettingsProblems.Invalid("waitSeconds", $"Wait between 0 and {MaxWaitSeconds} seconds.", waitSeconds.ToString());
        }

        var (problem, result) = await JobSubmissions.SubmitAsync(request, idempotencyKey, context, cluster);
        if (problem is not null)
        {
            return problem;
        }

        if (result!.Outcome != SubmissionOutcome.Accepted)
        {
            return SubmissionResults.ToHttp(result, context);
        }

        var account = Caller.From(context.User).Account;
        var job = cluster.GetGrain<IJobGrain>(result.JobId!.Value);
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
        budget.CancelAfter(TimeSpan.FromSeconds(waitSeconds ?? DefaultWaitSeconds));
        var seen = 0L;
        while (!budget.IsCancellationRequested)
        {
            var events = await job.WatchAsync(account, seen, TimeSpan.FromSeconds(5));
            if (events.Count > 0)
            {
                seen = events[^1].Sequence;
            }

            if (events.Any(e => e.Kind == JobEventKind.Status && e.Status.IsTerminal()))
            {
                var urls = context.RequestServices.GetRequiredService<ImageUrls>();
                return TypedResults.Ok(JobResultsResponse.From((await job.GetAsync(account))!, image => urls.For(context.Request, image)));
            }
        }

        return SubmissionResults.ToHttp(result, context);
    }
}
