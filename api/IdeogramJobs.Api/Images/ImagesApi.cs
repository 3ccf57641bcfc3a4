using IdeogramJobs.Api.Authentication;
using IdeogramJobs.Api.Problems;
using IdeogramJobs.Api.Queries;
using IdeogramJobs.Database.Queries;
using Microsoft.AspNetCore.Http.HttpResults;

namespace IdeogramJobs.Api.Images;

public static class ImagesApi
{
    private const int MaxExport = 200;

    public static IServiceCollection AddImagesApi(this IServiceCollection services)
    {
        services.AddSingleton<ImageThumbnails>();
        services.AddSingleton<ImageUrls>();
        services.AddSingleton<ImageArchive>();
        services.AddHttpClient(ImageArchive.HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(60));
        return services;
    }

    /// <summary>The account's generated images: the gallery, review status, and zip export.</summary>
    public static IEndpointRouteBuilder MapImagesApi(this IEndpointRouteBuilder app)
    {
        var images = app.MapGroup("/api/images").WithTags("Images").RequireAuthorization(ApiKeyDefaults.AccountPolicy);

        images.MapGet("/", ListAsync)
            .WithName("ListImages")
            .WithSummary("The account's generated images, newest first, filtered by job type, job, status and time");
        images.MapPost("/{imageId:long}/approve", (long imageId, HttpContext context, IImageQueries queries) => SetOneAsync(imageId, ImageStatus.Approved, context, queries))
            .WithName("ApproveImage")
            .WithSummary("Mark an image approved");
        images.MapPost("/{imageId:long}/reject", (long imageId, HttpContext context, IImageQueries queries) => SetOneAsync(imageId, ImageStatus.Rejected, context, queries))
            .WithName("RejectImage")
            .WithSummary("Mark an image rejected");
        images.MapPost("/{imageId:long}/archive", (long imageId, HttpContext context, IImageQueries queries) => SetOneAsync(imageId, ImageStatus.Archived, context, queries))
            .WithName("ArchiveImage")
            .WithSummary("Archive an image");
        images.MapPost("/status", SetManyAsync)
            .WithName("SetImagesStatus")
            .WithSummary("Set the review status of several images");
        images.MapPost("/export", ExportAsync)
            .WithName("ExportImages")
            .WithSummary("The selected images and a manifest of their settings as a zip file")
            .Produces(StatusCodes.Status200OK, contentType: "application/zip");
        return app;
    }

    private static async Task<IResult> ListAsync(
        HttpContext context,
        IImageQueries queries,
        ImageThumbnails thumbnails,
        ImageUrls urls,
        string? jobType = null,
        long? jobId = null,
        string? status = null,
        DateTime? from = null,
        DateTime? to = null,
        int offset = 0,
        int limit = 50)
    {
        if (ListQueryValues.Problem<ImageStatus>(status, ["pending_review", "approved", "rejected", "archived"], offset, limit, out var wanted) is { } problem)
        {
            return problem;
        }

        var query = new ImageQuery
        {
            JobTypeName = jobType,
            JobId = jobId,
            Status = wanted,
            From = from?.ToUniversalTime(),
            To = to?.ToUniversalTime(),
            Offset = offset,
            Limit = limit,
        };
        var page = await queries.ListAsync(Caller.From(context.User).Account, query, context.RequestAborted);
        return TypedResults.Ok(new Page<ImageResponse>
        {
            Items = [.. page.Items.Select(i => ToResponse(i, urls.For(context.Request, i.Url, i.StoragePath), thumbnails))],
            Total = page.Total,
            Offset = page.Offset,
            Limit = page.Limit,
        });
    }

    private static async Task<Results<Ok<ImageStatusChange>, ProblemHttpResult>> SetOneAsync(long imageId, ImageStatus status, HttpContext context, IImageQueries queries)
    {
        var changed = await queries.SetStatusAsync(Caller.From(context.User).Account, [imageId], status, context.RequestAborted);
        return changed.Contains(imageId)
            ? TypedResults.Ok(new ImageStatusChange([imageId], status))
            : TypedResults.Problem("No such image for this account.", statusCode: StatusCodes.Status404NotFound, title: "Not found");
    }

    private static async Task<IResult> SetManyAsync(ImageStatusRequest request, HttpContext context, IImageQueries queries)
    {
        if (IdsProblem(request.ImageIds) is { } problem)
        {
            return problem;
        }

        if (request.Status is not { } status)
        {
            return SettingsProblems.Invalid("status", "A status is required.", allowed: ["pendingReview", "approved", "rejected", "archived"]);
        }

        var changed = await queries.SetStatusAsync(Caller.From(context.User).Account, request.ImageIds!, status, context.RequestAborted);
        return TypedResults.Ok(new ImageStatusChange(changed, status));
    }

    private static async Task<IResult> ExportAsync(ImageExportRequest request, HttpContext context, IImageQueries queries, ImageArchive archive, ImageUrls urls)
    {
        if (IdsProblem(request.ImageIds) is { } problem)
        {
            return problem;
        }

        var account = Caller.From(context.User).Account;
        var stored = await queries.GetAsync(account, request.ImageIds!, context.RequestAborted);
        var images = stored.Select(i => i with { Url = urls.For(context.Request, i.Url, i.StoragePath) }).ToList();
        if (images.Count == 0)
        {
            return TypedResults.Problem("None of the images belongs to this account.", statusCode: StatusCodes.Status404NotFound, title: "Not found");
        }

        return TypedResults.Stream(
            stream => archive.WriteAsync(stream, images, account, context.RequestAborted),
            "application/zip",
            $"images-{DateTime.UtcNow:yyyyMMdd-HHmmss}.zip");
    }

    private static ImageResponse ToResponse(ImageRecord i, string url, ImageThumbnails thumbnails) =>
        new(i.ImageId, i.JobId, i.Index, url, thumbnails.For(url), i.Status, i.JobTypeName, i.Prompt, i.Seed, i.Resolution, i.StyleType, i.FinalSettings, i.CreatedAt);

    private static IResult? IdsProblem(IReadOnlyList<long>? ids) =>
        ids is null || ids.Count == 0 || ids.Count > MaxExport || ids.Any(id => id <= 0)
            ? SettingsProblems.Invalid("imageIds", $"Give 1 to {MaxExport} image ids (positive integers).")
            : null;
}
