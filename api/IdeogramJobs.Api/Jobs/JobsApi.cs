using IdeogramJobs.Api.Authentication;
using IdeogramJobs.Api.Events;
using IdeogramJobs.Api.Hosting;
using IdeogramJobs.Api.Images;
using IdeogramJobs.Api.Problems;
using IdeogramJobs.Api.Queries;
using IdeogramJobs.Contracts.Accounts;
using IdeogramJobs.Contracts.Jobs;
using IdeogramJobs.Contracts.Settings;
using IdeogramJobs.Database.Queries;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace IdeogramJobs.Api.Jobs;

public static class JobsApi
{
    /// <summary>The submission reader and the event stream's heartbeat (SSE_HEARTBEAT_SECONDS, validated at start).</summary>
    public static IServiceCollection AddJobsApi(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<JobEventStreamOptions>().Bind(configuration).ValidateOnStart();
        services.AddSingleton<IValidateOptions<JobEventStreamOptions>, JobEventStreamOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);
        return services.AddSingleton<ExecuteRequestReader>();
    }

    /// <summary>Submitting, following, cancelling, retrying and regenerating jobs of the caller's account.</summary>
    public static IEndpointRouteBuilder MapJobsApi(this IEndpointRouteBuilder app)
    {
        var jobs = app.MapGroup("/api/jobs").WithTags("Jobs").RequireAuthorization(ApiKeyDefaults.AccountPolicy);

        jobs.MapPost("/execute", ExecuteAsync)
            .WithName("ExecuteJob")
            .WithSummary("Run a job type with a prompt and overrides; answers 202 with the job and where to follow it")
            .WithDescription("Send JSON, or multipart/form-data (fields jobType, configId, prompt, overrides as JSON text, priority; up to 3 files styleReferenceImages and 1 file characterReferenceImage, 10 MB in all). An Idempotency-Key header makes a repeated submission return the first job.")
            .Accepts<ExecuteJobRequest>("application/json", "multipart/form-data")
            .WithRequestBodyLimit(RequestBodyLimits.MultipartBytes)
            .Produces<JobAcceptedResponse>(StatusCodes.Status202Accepted)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status402PaymentRequired)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

        jobs.MapGet("/", ListAsync)
            .WithName("ListJobs")
            .WithSummary("The account's jobs, newest first, filtered by status, job type and creation time");

        jobs.MapGet("/{jobId:long}/status", GetStatusAsync)
            .WithName("GetJobStatus")
            .WithSummary("A job's status and progress; answers while the job runs");

        jobs.MapGet("/{jobId:long}/results", GetResultsAsync)
            .WithName("GetJobResults")
            .WithSummary("A job's images so far (all of them once completed) and the settings it ran with");

        jobs.MapGet("/{jobId:long}/events", StreamEventsAsync)
            .WithName("StreamJobEvents")
            .WithSummary("Server-sent events of a job's progress (status, progress, image) until it ends")
            .WithDescription("Send Last-Event-ID to resume after the last event received. A finished job's stream ends once nothing is left to send; a quiet one carries a comment line at least every SSE_HEARTBEAT_SECONDS (15 s by default).")
            .Produces(StatusCodes.Status200OK, contentType: ServerSentEvents.ContentType)
            .ProducesProblem(StatusCodes.Status404NotFound);

        jobs.MapPost("/{jobId:long}/cancel", CancelAsync)
            .WithName("CancelJob")
            .WithSummary("Cancel a queued or processing job");

        jobs.MapPost("/{jobId:long}/retry", RetryAsync)
            .WithName("RetryJob")
            .WithSummary("Queue a failed or cancelled job again, under the account's limits");

        jobs.MapPost("/{jobId:long}/regenerate", RegenerateAsync)
            .WithName("RegenerateJob")
            .WithSummary("A new job from this one: exactly its settings, or its overrides with changes")
            .WithDescription("mode exact replays each image's recorded seed with the recorded settings (one job per image when the seeds differ; no overrides) and answers with every job created; mode variations keeps the settings and asks for new seeds.")
            .Produces<JobAcceptedResponse>(StatusCodes.Status202Accepted)
            .Produces<RegenerationAcceptedResponse>(StatusCodes.Status202Accepted)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        return app;
    }

    private static async Task<IResult> ExecuteAsync(
        [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey,
        HttpContext context,
        ExecuteRequestReader reader,
        IClusterClient cluster)
    {
        var (request, images, character, readProblem) = await reader.ReadAsync(context);
        if (readProblem is not null)
        {
            return readProblem;
        }

        var (problem, result) = await JobSubmissions.SubmitAsync(request!, idempotencyKey, context, cluster, images, character);
        return problem ?? SubmissionResults.ToHttp(result!, context);
    }

    private static async Task<IResult> ListAsync(
        HttpContext context,
        IJobQueries queries,
        string? status = null,
        string? jobType = null,
        DateTime? from = null,
        DateTime? to = null,
        int offset = 0,
        int limit = 50)
    {
        if (ListQueryValues.Problem<JobStatus>(status, [.. Enum.GetNames<JobStatus>().Select(n => n.ToLowerInvariant())], offset, limit, out var wanted) is { } problem)
        {
            return problem;
        }

        var query = new JobQuery
        {
            Status = wanted,
            JobTypeName = jobType,
            From = from?.ToUniversalTime(),
            To = to?.ToUniversalTime(),
            Offset = offset,
            Limit = limit,
        };
        return TypedResults.Ok(await queries.ListAsync(Caller.From(context.User).Account, query, context.RequestAborted));
    }

    private static async Task<Results<Ok<JobStatusResponse>, ProblemHttpResult>> GetStatusAsync(long jobId, HttpContext context, IClusterClient cluster) =>
        await SnapshotAsync(jobId, context, cluster) is { } job
            ? TypedResults.Ok(JobStatusResponse.From(job))
            : JobNotFound();

    private static async Task<Results<Ok<JobResultsResponse>, ProblemHttpResult>> GetResultsAsync(long jobId, HttpContext context, IClusterClient cluster, ImageUrls urls) =>
        await SnapshotAsync(jobId, context, cluster) is { } job
            ? TypedResults.Ok(JobResultsResponse.From(job, image => urls.For(context.Request, image)))
            : JobNotFound();

    private static async Task<Results<JobEventStream, ProblemHttpResult>> StreamEventsAsync(
        long jobId,
        [FromHeader(Name = "Last-Event-ID")] long? lastEventId,
        HttpContext context,
        IClusterClient cluster)
    {
        if (await SnapshotAsync(jobId, context, cluster) is null)
        {
            return JobNotFound();
        }

        return new JobEventStream(cluster.GetGrain<IJobGrain>(jobId), Caller.From(context.User).Account, lastEventId ?? 0);
    }

    private static async Task<IResult> CancelAsync(long jobId, HttpContext context, IClusterClient cluster) =>
        JobCommandResults.ToHttp(await cluster.GetGrain<IJobGrain>(jobId).CancelAsync(Caller.From(context.User).Account), jobId);

    private static async Task<IResult> RetryAsync(long jobId, HttpContext context, IClusterClient cluster) =>
        JobCommandResults.ToHttp(await cluster.GetGrain<IAccountGrain>(Caller.From(context.User).Account).RetryAsync(jobId), jobId);

    private static async Task<IResult> RegenerateAsync(long jobId, RegenerateJobRequest? request, HttpContext context, IClusterClient cluster)
    {
        var errors = new List<SettingsError>();
        JobSubmissions.CheckPrompt(request?.Prompt, required: false, errors);
        OverridesText.TryWrite(request?.Overrides, "overrides", errors, out var overridesJson);
        CheckRegenerationMode(request, errors);
        if (errors.Count > 0)
        {
            return SettingsProblems.Invalid(errors);
        }

        var caller = Caller.From(context.User);
        var submission = new JobSubmission
        {
            Prompt = request?.Prompt?.Trim() ?? string.Empty,
            OverridesJson = overridesJson,
            IsAdmin = caller.MayOverrideAnything,
            RegeneratedFrom = jobId,
        };
        if (request?.Mode is null)
        {
            var result = await cluster.GetGrain<IAccountGrain>(caller.Account).SubmitAsync(submission);
            return result.Outcome == SubmissionOutcome.JobTypeNotFound ? JobNotFound() : SubmissionResults.ToHttp(result, context);
        }

        if (await SnapshotAsync(jobId, context, cluster) is not { } source)
        {
            return JobNotFound();
        }

        var replays = request.Mode == RegenerationReplay.Exact ? RegenerationPlan.Exact(source) : RegenerationPlan.Variations();
        if (replays.Count == 0)
        {
            return TypedResults.Problem(
                "The job has no images with recorded seeds to replay yet; regenerate it without a mode to replay its settings.",
                statusCode: StatusCodes.Status409Conflict,
                title: "Nothing to replay",
                extensions: new Dictionary<string, object?> { ["field"] = "mode" });
        }

        return await SubmitReplaysAsync(submission, replays, context, cluster);
    }

    private static async Task<IResult> SubmitReplaysAsync(JobSubmission submission, IReadOnlyList<RegenerationReplay> replays, HttpContext context, IClusterClient cluster)
    {
        var account = cluster.GetGrain<IAccountGrain>(Caller.From(context.User).Account);
        var created = new List<RegeneratedJob>();
        foreach (var replay in replays)
        {
            var result = await account.SubmitAsync(submission with { Replay = replay });
            if (result.Outcome != SubmissionOutcome.Accepted)
            {
                if (created.Count == 0)
                {
                    return result.Outcome == SubmissionOutcome.JobTypeNotFound ? JobNotFound() : SubmissionResults.ToHttp(result, context);
                }

                var unsent = $"{replays.Count - created.Count} of {replays.Count} replays were not queued: {result.Message}";
                return TypedResults.Accepted(created[0].StatusUrl, new RegenerationAcceptedResponse(created[0].JobId, created[0].StatusUrl, created, unsent));
            }

            var id = result.JobId!.Value;
            created.Add(new RegeneratedJob(id, result.Status ?? JobStatus.Queued, replay, $"/api/jobs/{id}/status", $"/api/jobs/{id}/results"));
        }

        return TypedResults.Accepted(created[0].StatusUrl, new RegenerationAcceptedResponse(created[0].JobId, created[0].StatusUrl, created, null));
    }

    private static void CheckRegenerationMode(RegenerateJobRequest? request, List<SettingsError> errors)
    {
        if (request?.Mode is not { } mode)
        {
            return;
        }

        if (mode is not (RegenerationReplay.Exact or RegenerationReplay.Variations))
        {
            errors.Add(new("mode", "mode is exact (the recorded seeds and settings) or variations (the recorded settings, new seeds).", JobSubmissions.Shorten(mode)));
        }
        else if (mode == RegenerationReplay.Exact && request.Overrides is not null)
        {
            errors.Add(new("overrides", "An exact regeneration replays the recorded settings; send overrides with mode variations or without a mode."));
        }
    }

    private static Task<JobSnapshot?> SnapshotAsync(long jobId, HttpContext context, IClusterClient cluster) =>
        jobId <= 0 ? Task.FromResult<JobSnapshot?>(null) : cluster.GetGrain<IJobGrain>(jobId).GetAsync(Caller.From(context.User).Account);

    private static ProblemHttpResult JobNotFound() =>
        TypedResults.Problem("No such job for this account.", statusCode: StatusCodes.Status404NotFound, title: "Not found");
}
