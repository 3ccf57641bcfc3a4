using System.Text.Json;
using System.Text.Json.Nodes;
using IdeogramJobs.Contracts.Jobs;
using IdeogramJobs.Contracts.Settings;
using IdeogramJobs.Database.Jobs;
using IdeogramJobs.Ideogram;
using IdeogramJobs.Storage;

namespace IdeogramJobs.Grains.Jobs;

/// <summary>The JSON a job leaves behind: ssnews_jobs.results and each image's generation_metadata.</summary>
public static class JobResults
{
    public static string ResultsJson(StoredJob job, IReadOnlyList<JobImage> images, int withheld) =>
        new JsonObject
        {
            ["prompt"] = job.EffectivePrompt,
            ["imageCount"] = images.Count,
            ["withheldBySafetyCheck"] = withheld,
            ["images"] = new JsonArray([.. images.Select(i => (JsonNode)new JsonObject
            {
                ["imageId"] = i.ImageId,
                ["index"] = i.Index,
                ["url"] = i.Url,
                ["seed"] = i.Seed,
                ["resolution"] = i.Resolution,
                ["styleType"] = i.StyleType,
            })]),
        }.ToJsonString();

    public static string GenerationMetadataJson(StoredJob job, GeneratedImage image, StoredImage stored) =>
        new JsonObject
        {
            ["provider"] = "ideogram-v3",
            ["jobTypeName"] = job.JobTypeName,
            ["configId"] = job.ConfigId,
            ["prompt"] = image.Prompt,
            ["requestedPrompt"] = job.EffectivePrompt,
            ["seed"] = image.Seed,
            ["resolution"] = image.Resolution,
            ["styleType"] = image.StyleType,
            ["isImageSafe"] = image.IsImageSafe,
            ["styleCodes"] = JsonSerializer.SerializeToNode(job.FinalSettings.StyleCodes ?? [], SettingsJson.Options),
            ["finalSettings"] = JsonNode.Parse(SettingsJson.Serialize(job.FinalSettings)),
            ["contentType"] = stored.ContentType,
            ["sizeBytes"] = stored.SizeBytes,
            ["sha256"] = stored.Sha256,
            ["storagePath"] = stored.StoragePath,
        }.ToJsonString();
}
