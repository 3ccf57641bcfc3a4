using Microsoft.Extensions.Caching.Memory;

namespace IdeogramJobs.Ideogram.Simulator.Imaging;

/// <summary>
/// Renders images when first fetched and keeps the most recent PNGs (up to 64 MB), since a client
/// usually downloads each image once, right after generating it.
/// </summary>
public sealed class RenderedImageCache : IDisposable
{
    private const long CapacityBytes = 64L * 1024 * 1024;

    private readonly MemoryCache cache = new(new MemoryCacheOptions { SizeLimit = CapacityBytes });

    public byte[] GetOrRender(string id, ImageDescriptor image)
    {
        if (cache.TryGetValue(id, out byte[]? png) && png is not null)
        {
            return png;
        }
        png = BandImageRenderer.Render(image);
        cache.Set(id, png, new MemoryCacheEntryOptions { Size = png.Length });
        return png;
    }

    public void Dispose() => cache.Dispose();
}
