using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using IdeogramJobs.Contracts.Images;
using IdeogramJobs.Settings.Translation;

namespace IdeogramJobs.Ideogram.Http;

/// <summary>
/// Writes a <see cref="V3GenerateRequest"/> as the multipart/form-data body of the generate
/// route: one part per field under the API's own names, a repeated part per style code and per
/// style reference image, one character_reference_images part when there is one, the palette as one JSON part. Part names are quoted as RFC 7578 writes them;
/// text parts carry no Content-Type, like a browser form or curl -F. The framework writes the
/// boundary. A fresh instance is needed per attempt because HttpContent is consumed by sending.
/// </summary>
public static class V3MultipartEncoder
{
    public static MultipartFormDataContent Encode(V3GenerateRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var form = new MultipartFormDataContent();

        AddText(form, "prompt", request.Prompt);
        AddText(form, "seed", request.Seed?.ToString(CultureInfo.InvariantCulture));
        AddText(form, "resolution", request.Resolution);
        AddText(form, "aspect_ratio", request.AspectRatio);
        AddText(form, "rendering_speed", request.RenderingSpeed);
        AddText(form, "magic_prompt", request.MagicPrompt);
        AddText(form, "negative_prompt", request.NegativePrompt);
        AddText(form, "num_images", request.NumImages?.ToString(CultureInfo.InvariantCulture));

        if (request.ColorPalette is { } palette)
        {
            var json = new ByteArrayContent(Encoding.UTF8.GetBytes(palette.ToJson()));
            json.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            AddPart(form, json, "color_palette");
        }

        foreach (var code in request.StyleCodes)
        {
            AddText(form, "style_codes", code);
        }

        AddText(form, "style_type", request.StyleType);
        AddText(form, "style_preset", request.StylePreset);

        for (var i = 0; i < request.StyleReferenceImages.Count; i++)
        {
            var image = request.StyleReferenceImages[i];
            var mediaType = ImageSignature.MediaTypeOf(image.ContentType) ?? image.ContentType;
            var file = new ByteArrayContent(image.Content);
            file.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
            // A generated name keeps user-supplied text (quotes, non-ASCII) out of the part headers.
            var fileName = $"style_reference_{(i + 1).ToString(CultureInfo.InvariantCulture)}.{ImageSignature.ExtensionFor(mediaType)}";
            AddPart(form, file, "style_reference_images", fileName);
        }

        foreach (var image in request.CharacterReferenceImages)
        {
            var mediaType = ImageSignature.MediaTypeOf(image.ContentType) ?? image.ContentType;
            var file = new ByteArrayContent(image.Content);
            file.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
            AddPart(form, file, "character_reference_images", $"character_reference.{ImageSignature.ExtensionFor(mediaType)}");
        }

        return form;
    }

    private static void AddText(MultipartFormDataContent form, string name, string? value)
    {
        if (value is not null)
        {
            AddPart(form, new ByteArrayContent(Encoding.UTF8.GetBytes(value)), name);
        }
    }

    private static void AddPart(MultipartFormDataContent form, HttpContent part, string name, string? fileName = null)
    {
        part.Headers.ContentDisposition = new ContentDispositionHeaderValue("form-data")
        {
            Name = Quote(name),
            FileName = fileName is null ? null : Quote(fileName),
        };
        form.Add(part);
    }

    private static string Quote(string token) => $"\"{token}\"";
}
