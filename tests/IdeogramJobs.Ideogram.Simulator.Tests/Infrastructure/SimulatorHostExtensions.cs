using System.Net;
using System.Text.Json;
using IdeogramJobs.Testing.Simulator;

namespace IdeogramJobs.Ideogram.Simulator.Tests.Infrastructure;

public static class SimulatorHostExtensions
{
    /// <summary>Generates with <paramref name="form"/>, asserts 200 and downloads the image at <paramref name="index"/>.</summary>
    public static async Task<(JsonElement Image, byte[] Png)> GenerateAndDownloadAsync(this SimulatorHost simulator, GenerateForm form, int index = 0)
    {
        using var response = await simulator.GenerateAsync(form);
        var body = await response.AssertStatusAsync(HttpStatusCode.OK);
        var image = body.GetProperty("data")[index];
        using var download = await simulator.Client.GetAsync(image.GetProperty("url").GetString());
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("image/png", download.Content.Headers.ContentType?.MediaType);
        return (image, await download.Content.ReadAsByteArrayAsync());
    }
}
