using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace IdeogramJobs.Benchmarks.Peers;

/// <summary>
/// A peer's two provider calls, as our engine makes them: the generate route (multipart form with the
/// blog_header job type's settings and the Api-Key header), then a download of each image it returned.
/// </summary>
public sealed class PeerIdeogramCalls(HttpClient http, string apiKey)
{
    /// <summary>Generates one image for <paramref name="prompt"/>; returns its link and the answer's metadata as JSON.</summary>
    public async Task<(Uri Url, string MetadataJson)> GenerateAsync(string prompt, CancellationToken cancellationToken)
    {
        using var form = new MultipartFormDataContent();
        foreach (var (name, value) in new[]
        {
            ("prompt", prompt), ("aspect_ratio", "16x9"), ("rendering_speed", "DEFAULT"), ("magic_prompt", "ON"),
            ("negative_prompt", "people, faces, text"), ("num_images", "1"), ("style_type", "GENERAL"),
        })
        {
            var part = new ByteArrayContent(Encoding.UTF8.GetBytes(value));
            part.Headers.ContentDisposition = new ContentDispositionHeaderValue("form-data") { Name = $"\"{name}\"" };
            form.Add(part);
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, "v1/ideogram-v3/generate") { Content = form };
        request.Headers.TryAddWithoutValidation("Api-Key", apiKey);
        using var response = await http.SendAsync(request, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"generate answered {(int)response.StatusCode}: {body}");
        }

        var image = JsonNode.Parse(body)!["data"]![0]!;
        var metadata = new JsonObject
        {
            ["seed"] = image["seed"]!.GetValue<int>(),
            ["resolution"] = image["resolution"]!.GetValue<string>(),
            ["styleType"] = image["style_type"]!.GetValue<string>(),
            ["prompt"] = image["prompt"]!.GetValue<string>(),
        };
        return (new Uri(image["url"]!.GetValue<string>()), metadata.ToJsonString());
    }

    public async Task<byte[]> DownloadAsync(Uri url, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("image/png"));
        using var response = await http.SendAsync(request, cancellationToken);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsByteArrayAsync(cancellationToken);
    }
}
