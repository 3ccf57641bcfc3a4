using System.Net;
using System.Net.Sockets;
using System.Text;
using IdeogramJobs.Testing;

namespace IdeogramJobs.Api.Tests.Media;

public sealed class MediaFileTests : IAsyncLifetime
{
    private const string ImagePath = "ideogram-jobs/acct-1/42/42-0-0123456789ab.png";
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3, 4];

    private readonly string root = Path.Combine(Path.GetTempPath(), "ij-media-" + Guid.NewGuid().ToString("N"));
    private string Outside => root + "-outside";
    private RunningService service = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Path.Combine(root, Path.GetDirectoryName(ImagePath)!));
        await File.WriteAllBytesAsync(Path.Combine(root, ImagePath), Png);
        await File.WriteAllTextAsync(Path.Combine(root, "secret.txt"), "not an image");
        Directory.CreateDirectory(Outside);
        await File.WriteAllBytesAsync(Path.Combine(Outside, "outside.png"), Png);
        service = await RunningService.CreateAsync();
        service.StartApi(new Dictionary<string, string?> { ["IMAGE_STORAGE_PATH"] = root });
        await Eventually.Until(
            async () => (await service.Http.GetAsync("/health/live")).IsSuccessStatusCode,
            TimeSpan.FromSeconds(90),
            "the API to answer /health/live");
    }

    public async Task DisposeAsync()
    {
        await service.DisposeAsync();
        Directory.Delete(root, recursive: true);
        Directory.Delete(Outside, recursive: true);
    }

    [Fact]
    public async Task A_stored_image_is_served_with_its_content_type_at_its_stable_url()
    {
        using var response = await service.Http.GetAsync("/media/" + ImagePath);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/png", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(Png, await response.Content.ReadAsByteArrayAsync());
        Assert.Contains("immutable", response.Headers.CacheControl!.ToString());
    }

    [Theory]
    [InlineData("/media/../{outside}/outside.png")]
    [InlineData("/media/%2e%2e/{outside}/outside.png")]
    [InlineData("/media/..%2F{outside}%2Foutside.png")]
    [InlineData("/media/ideogram-jobs/..%5C..%5C{outside}%5Coutside.png")]
    [InlineData("/media/%2Ftmp%2F{outside}%2Foutside.png")]
    [InlineData("/media/secret.txt")]
    [InlineData("/media/ideogram-jobs/acct-1/42/missing.png")]
    public async Task Paths_outside_the_image_folder_or_not_images_are_not_found(string target)
    {
        // Sent byte for byte: HttpClient would resolve the dot segments before they reach the server.
        var status = await RawGetStatusAsync(target.Replace("{outside}", Path.GetFileName(Outside)));

        Assert.Equal(HttpStatusCode.NotFound, status);
    }

    private async Task<HttpStatusCode> RawGetStatusAsync(string target)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, service.ApiPort);
        await using var stream = client.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes($"GET {target} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"));
        using var reader = new StreamReader(stream, Encoding.ASCII);
        var statusLine = await reader.ReadLineAsync() ?? string.Empty;
        return (HttpStatusCode)int.Parse(statusLine.Split(' ')[1]);
    }
}
