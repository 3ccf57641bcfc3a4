using System.Globalization;
using System.Net;
using System.Text.Json;
using IdeogramJobs.Ideogram.Failures;

namespace IdeogramJobs.Ideogram.Http;

/// <summary>
/// Reads the generate route's 200 body leniently, as the fact sheet advises: <c>created</c> with
/// 'T' or a space (the current time if missing or unreadable); <c>url</c> and <c>style_type</c>
/// may be missing; <c>url</c> is null or empty when the image was withheld. Only a body without a
/// usable <c>data</c> array is refused.
/// </summary>
internal static class V3GenerateResponseReader
{
    public static IdeogramAnswer Read(string body, string sentPrompt, Uri baseUri, TimeProvider timeProvider)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException exception)
        {
            throw Invalid($"the body is not JSON ({exception.Message})", exception);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("data", out var data)
                || data.ValueKind != JsonValueKind.Array
                || data.GetArrayLength() == 0)
            {
                throw Invalid("it has no 'data' array of images", null);
            }

            var images = new List<GeneratedImageLink>();
            foreach (var item in data.EnumerateArray())
            {
                if (item.ValueKind != JsonValueKind.Object)
                {
                    throw Invalid("an entry of 'data' is not an object", null);
                }

                images.Add(ReadImage(item, sentPrompt, baseUri));
            }

            return new IdeogramAnswer(ReadCreated(root, timeProvider), images);
        }
    }

    private static GeneratedImageLink ReadImage(JsonElement item, string sentPrompt, Uri baseUri)
    {
        var url = String(item, "url") is { Length: > 0 } text && Uri.TryCreate(baseUri, text, out var resolved)
            && (resolved.Scheme == Uri.UriSchemeHttps || resolved.Scheme == Uri.UriSchemeHttp)
            ? resolved
            : null;
        long? seed = item.TryGetProperty("seed", out var seedElement) && seedElement.TryGetInt64(out var value) ? value : null;
        var isSafe = item.TryGetProperty("is_image_safe", out var safe) && safe.ValueKind is JsonValueKind.True or JsonValueKind.False
            ? safe.GetBoolean()
            : url is not null;

        return new GeneratedImageLink(
            isSafe ? url : null,
            String(item, "prompt") ?? sentPrompt,
            String(item, "resolution"),
            seed,
            String(item, "style_type"),
            isSafe);
    }

    private static DateTimeOffset ReadCreated(JsonElement root, TimeProvider timeProvider) =>
        String(root, "created") is { } created
        && DateTimeOffset.TryParse(created, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed)
            ? parsed
            : timeProvider.GetUtcNow();

    private static string? String(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static IdeogramException Invalid(string reason, Exception? inner) =>
        new(IdeogramFailureKind.InvalidResponse,
            $"Ideogram answered 200 but the answer cannot be read: {reason}. The generation may have been billed; check IDEOGRAM_BASE_URL points at the Ideogram API.",
            HttpStatusCode.OK, innerException: inner);
}
