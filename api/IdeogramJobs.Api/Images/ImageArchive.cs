using System.IO.Compression;
using System.Text.Json;
using IdeogramJobs.Database.Queries;
using IdeogramJobs.Storage.Local;

namespace IdeogramJobs.Api.Images;

/// <summary>
/// Writes images and a manifest of what made them into a zip: local files are read from disk,
/// images on Sirv are fetched from their public URL. The archive is built in a temporary file
/// (zip writes its directory synchronously, which the response stream refuses) and then sent.
/// </summary>
public sealed class ImageArchive(LocalImageFiles localFiles, IHttpClientFactory httpClients, ILogger<ImageArchive> logger)
{
    public const string HttpClientName = "image-export";

    public async Task WriteAsync(Stream output, IReadOnlyList<ImageRecord> images, string accountId, CancellationToken cancellationToken)
    {
        await using var buffer = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        await BuildAsync(buffer, images, accountId, cancellationToken);
        buffer.Position = 0;
        await buffer.CopyToAsync(output, cancellationToken);
    }

    private async Task BuildAsync(Stream output, IReadOnlyList<ImageRecord> images, string accountId, CancellationToken cancellationToken)
    {
        await using var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        var manifest = new List<object>();
        foreach (var image in images)
        {
            var name = $"job-{image.JobId}/image-{image.Index}{Extension(image)}";
            await using var source = await OpenAsync(image, cancellationToken);
            if (source is null)
            {
                logger.LogWarning("Image {ImageId} of {AccountId} could not be read for an export", image.ImageId, accountId);
                manifest.Add(new { image.ImageId, image.JobId, missing = true });
                continue;
            }

            var entry = zip.CreateEntry(name, CompressionLevel.NoCompression);
            await using (var target = await entry.OpenAsync(cancellationToken))
            {
                await source.CopyToAsync(target, cancellationToken);
            }

            manifest.Add(new { file = name, image.ImageId, image.JobId, image.Index, image.Url, image.Prompt, image.Seed, image.Resolution, image.StyleType, image.FinalSettings, status = image.Status });
        }

        var manifestEntry = zip.CreateEntry("manifest.json", CompressionLevel.Optimal);
        await using var manifestStream = await manifestEntry.OpenAsync(cancellationToken);
        await JsonSerializer.SerializeAsync(manifestStream, manifest, JsonSerializerOptions.Web, cancellationToken);
    }

    private async Task<Stream?> OpenAsync(ImageRecord image, CancellationToken cancellationToken)
    {
        if (image.StoragePath is { } path && localFiles.TryOpen(path.TrimStart('/'), out var local, out _))
        {
            return local;
        }

        var response = await httpClients.CreateClient(HttpClientName).GetAsync(image.Url, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            response.Dispose();
            return null;
        }

        return await response.Content.ReadAsStreamAsync(cancellationToken);
    }

    private static string Extension(ImageRecord image) => image.ContentType switch
    {
        "image/jpeg" => ".jpg",
        "image/webp" => ".webp",
        _ => ".png",
    };
}
