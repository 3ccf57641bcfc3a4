using System.Text.Json;
using System.Text.Json.Nodes;
using IdeogramJobs.Contracts.Jobs;
using IdeogramJobs.Contracts.Queries;
using IdeogramJobs.Contracts.Settings;

namespace IdeogramJobs.Database.Images;

/// <summary>
/// ssnews_image_assets.generation_metadata of a job's image: the caller's metadata object with the
/// image's own facts under fixed keys, so a listing reads them back from the one column.
/// </summary>
internal static class ImageGenerationMetadata
{
    private const string Seed = "seed";
    private const string Resolution = "resolution";
    private const string StyleType = "styleType";
    private const string IsImageSafe = "isImageSafe";
    private const string Prompt = "prompt";
    private const string FinalSettings = "finalSettings";
    private const string StoragePath = "storagePath";
    private const string ContentType = "contentType";

    /// <summary>The metadata JSON to store; the image's own values (those it has) replace same-named keys of the caller's object.</summary>
    public static string Compose(NewImageAsset image)
    {
        var metadata = JsonNode.Parse(image.GenerationMetadataJson) as JsonObject
            ?? throw new ArgumentException("The generation metadata must be a JSON object.", nameof(image));
        Set(metadata, Seed, image.Seed is { } seed ? JsonValue.Create(seed) : null);
        Set(metadata, Resolution, image.Resolution is { } resolution ? JsonValue.Create(resolution) : null);
        Set(metadata, StyleType, image.StyleType is { } styleType ? JsonValue.Create(styleType) : null);
        Set(metadata, IsImageSafe, JsonValue.Create(image.IsImageSafe));
        Set(metadata, Prompt, image.Prompt is { } prompt ? JsonValue.Create(prompt) : null);
        return metadata.ToJsonString();
    }

    public static JobImage Read(long imageId, int index, string url, string? metadataJson)
    {
        var image = new JobImage { ImageId = imageId, Index = index, Url = url };
        if (metadataJson is null)
        {
            return image;
        }

        using var document = JsonDocument.Parse(metadataJson);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            return image;
        }

        return image with
        {
            Seed = root.TryGetProperty(Seed, out var seed) && seed.ValueKind == JsonValueKind.Number && seed.TryGetInt64(out var value) ? value : null,
            Resolution = StringOrNull(root, Resolution),
            StyleType = StringOrNull(root, StyleType),
            IsImageSafe = !root.TryGetProperty(IsImageSafe, out var safe) || safe.ValueKind != JsonValueKind.False,
            Prompt = StringOrNull(root, Prompt),
        };
    }

    /// <summary>
    /// The image record with what its metadata tells (prompt, seed, resolution, style type, final
    /// settings, storage path, content type); values the metadata lacks keep the record's own.
    /// </summary>
    public static ImageRecord Describe(ImageRecord image, string? metadataJson)
    {
        if (metadataJson is null)
        {
            return image;
        }

        using var document = JsonDocument.Parse(metadataJson);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            return image;
        }

        return image with
        {
            Prompt = StringOrNull(root, Prompt) ?? image.Prompt,
            Seed = root.TryGetProperty(Seed, out var seed) && seed.ValueKind == JsonValueKind.Number && seed.TryGetInt64(out var value) ? value : image.Seed,
            Resolution = StringOrNull(root, Resolution) ?? image.Resolution,
            StyleType = StringOrNull(root, StyleType) ?? image.StyleType,
            FinalSettings = root.TryGetProperty(FinalSettings, out var settings) && settings.ValueKind == JsonValueKind.Object
                ? SettingsJson.Deserialize<JobSettings>(settings.GetRawText())
                : image.FinalSettings,
            StoragePath = StringOrNull(root, StoragePath) ?? image.StoragePath,
            ContentType = StringOrNull(root, ContentType) ?? image.ContentType,
        };
    }

    private static void Set(JsonObject metadata, string key, JsonNode? value)
    {
        if (value is not null)
        {
            metadata[key] = value;
        }
    }

    private static string? StringOrNull(JsonElement root, string key) =>
        root.TryGetProperty(key, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
