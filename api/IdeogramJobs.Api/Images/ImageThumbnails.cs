using IdeogramJobs.Storage.Sirv;
using Microsoft.Extensions.Options;

namespace IdeogramJobs.Api.Images;

/// <summary>Thumbnails through Sirv's image parameters for images Sirv serves; none for local files.</summary>
public sealed class ImageThumbnails(IOptions<SirvOptions> sirv)
{
    private const int Size = 384;

    public string? For(string url) =>
        sirv.Value.PublicUrl is { Length: > 0 } sirvBase && url.StartsWith(sirvBase.TrimEnd('/') + "/", StringComparison.OrdinalIgnoreCase)
            ? SirvThumbnailUrl.Build(url, Size, Size, SirvScaleOption.Fill, quality: 80, SirvImageFormat.Optimal)
            : null;
}
