using System.Globalization;
using IdeogramJobs.Ideogram.Simulator.Imaging;

namespace IdeogramJobs.Ideogram.Simulator.Endpoints;

/// <summary>
/// <c>GET /images/{id}.png?exp=&amp;sig=</c>: 403 when the signature does not match, 410 once
/// <c>exp</c> has passed, otherwise the PNG, rendered on first fetch.
/// </summary>
public sealed class ImageHandler(ImageUrlSigner signer, RenderedImageCache cache, TimeProvider time, ILogger<ImageHandler> logger)
{
    public IResult Handle(string id, HttpRequest request)
    {
        var expText = request.Query["exp"].ToString();
        var signature = request.Query["sig"].ToString();
        if (!long.TryParse(expText, NumberStyles.None, CultureInfo.InvariantCulture, out var expires)
            || !signer.IsValid(id, expires, signature))
        {
            logger.LogInformation("Image {ImageId} refused: bad signature", id);
            return Results.Json(new ProviderError("Forbidden: the image URL signature is not valid."), statusCode: StatusCodes.Status403Forbidden);
        }
        if (time.GetUtcNow().ToUnixTimeSeconds() > expires)
        {
            logger.LogInformation("Image {ImageId} refused: its URL expired at {Expires}", id, expires);
            return Results.Json(new ProviderError("Gone: the image URL has expired."), statusCode: StatusCodes.Status410Gone);
        }
        if (ImageDescriptor.FromId(id) is not { } image)
        {
            return Results.Json(new ProviderError("Not found."), statusCode: StatusCodes.Status404NotFound);
        }
        return Results.File(cache.GetOrRender(id, image), "image/png");
    }
}
