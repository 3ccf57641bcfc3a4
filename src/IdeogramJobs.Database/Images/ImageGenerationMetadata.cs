using System.Text.Json;
using System.Text.Json.Nodes;
using IdeogramJobs.Contracts.Jobs;
using IdeogramJobs.Contracts.Settings;
using IdeogramJobs.Database.Queries;

namespace IdeogramJobs.Database.Images;

/// <summary>
/// ssnews_image_assets.generation_metadata of a job's image: the image's own facts and its generation's
/// under fixed keys, so a listing reads them back from the one column.
/// </summary>
internal static class ImageGenerationMetadata
{
    private const string Provider = "ideogram-v3";
    private const string Seed = "seed";
    private const string Resolution = "resolution";
    private const string StyleType = "styleType";
    private const string IsImageSafe = "isImageSafe";
    private const string Prompt = "prompt";
    private const string FinalSettings = "finalSettings";
    private const string StoragePath = "storagePath";
    private const string ContentType = "contentType";

    /// <summary>The metadata JSON to store, in the shape every row has had since the first: all keys, unknown values as null.</summary>
    public static string Compose(NewImageAsset image) =>
        new JsonObject
        {
            ["provider"] = Provider,
            ["jobTypeName"] = image.Generation.JobTypeName,
            ["configId"] = image.Generation.ConfigId,
            [Prompt] = image.Prompt,
            ["requestedPrompt"] = image.Generation.RequestedPrompt,
            [Seed] = image.Seed,
            [Resolution] = image.Resolution,
            [StyleType] = image.StyleType,
            [IsImageSafe] = image.IsImageSafe,
            ["styleCodes"] = JsonSerializer.SerializeToNode(image.Generation.FinalSettings.StyleCodes ?? [], SettingsJson.Options),
            [FinalSettings] = JsonNode.Parse(SettingsJson.Serialize(image.Generation.FinalSettings)),
            [ContentType] = image.Generation.ContentType,
            ["sizeBytes"] = image.Generation.SizeBytes,
            ["sha256"] = image.Generation.Sha256,
            [StoragePath] = image.StoragePath,
        }.ToJsonString();

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

    private static string? StringOrNull(JsonElement root, string key) =>
        root.TryGetProperty(key, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
