using IdeogramJobs.Contracts.Jobs;
using IdeogramJobs.Storage;

namespace IdeogramJobs.Api.Images;

/// <summary>
/// Builds an image's absolute URL when answering (<see cref="ImageUrlBuilder"/>, which webhook payloads
/// use too): local-disk images under PUBLIC_BASE_URL when it is set, or else under the scheme and host
/// the request came to.
/// </summary>
public sealed class ImageUrls(ImageUrlBuilder builder)
{
    public JobImage For(HttpRequest request, JobImage image) => image with { Url = For(request, image.Url, image.StoragePath) };

    public string For(HttpRequest request, string storedUrl, string? storagePath) => builder.For(ServiceBase(request), storedUrl, storagePath);

    /// <summary>Where the API is reached: PUBLIC_BASE_URL when set explicitly, else the request's own scheme, host and base path.</summary>
    public string ServiceBase(HttpRequest request) =>
        builder.ConfiguredServiceBase ?? $"{request.Scheme}://{request.Host}{request.PathBase}".TrimEnd('/');
}
