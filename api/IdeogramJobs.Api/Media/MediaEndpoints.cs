using IdeogramJobs.Storage;
using IdeogramJobs.Storage.Local;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;

namespace IdeogramJobs.Api.Media;

public static class MediaEndpoints
{
    public static IServiceCollection AddMediaFiles(this IServiceCollection services, IConfiguration configuration) =>
        services.AddImageStorage(configuration);

    /// <summary>
    /// Serves images kept on local disk (when Sirv is not configured) at stable URLs under
    /// /media/. A file name carries its content hash, so a URL never changes its bytes.
    /// </summary>
    public static IEndpointRouteBuilder MapMediaFiles(this IEndpointRouteBuilder app)
    {
        app.MapGet(LocalImageFiles.UrlPathPrefix + "{**path}", GetMediaFile)
            .WithName("GetMediaFile")
            .WithSummary("A generated image stored on the service's local disk")
            .WithTags("Images");
        return app;
    }

    private static Results<FileStreamHttpResult, NotFound> GetMediaFile(string path, LocalImageFiles files, HttpContext context)
    {
        if (!files.TryOpen(path, out var stream, out var contentType))
        {
            return TypedResults.NotFound();
        }

        context.Response.Headers[HeaderNames.CacheControl] = "public, max-age=31536000, immutable";
        return TypedResults.Stream(stream, contentType, enableRangeProcessing: true);
    }
}
