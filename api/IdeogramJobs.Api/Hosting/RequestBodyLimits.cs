using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace IdeogramJobs.Api.Hosting;

/// <summary>
/// How large a request body may be: <see cref="JsonBytes"/> everywhere, more only where an
/// endpoint declares it with <see cref="WithRequestBodyLimit{TBuilder}"/>. A larger body is a 413 problem.
/// </summary>
public static class RequestBodyLimits
{
    /// <summary>Every JSON request: a job type with a full UI schema is a few kilobytes.</summary>
    public const long JsonBytes = 1_048_576;

    /// <summary>A multipart job submission: up to 10 MB of style reference images plus the prompt and settings.</summary>
    public const long MultipartBytes = 11 * 1_048_576;

    public static WebApplicationBuilder LimitRequestBodies(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<KestrelServerOptions>(kestrel => kestrel.Limits.MaxRequestBodySize = JsonBytes);
        return builder;
    }

    /// <summary>Raises (or lowers) the body limit of one endpoint; routing applies it before the body is read.</summary>
    public static TBuilder WithRequestBodyLimit<TBuilder>(this TBuilder builder, long bytes)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new BodySizeLimit(bytes));

    private sealed record BodySizeLimit(long? MaxRequestBodySize) : IRequestSizeLimitMetadata;
}
