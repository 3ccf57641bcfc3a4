using System.Text.Json.Nodes;
using IdeogramJobs.Contracts.Jobs;
using IdeogramJobs.Database.Jobs;

namespace IdeogramJobs.Grains.Jobs;

/// <summary>The JSON a job leaves behind in ssnews_jobs.results.</summary>
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
}
