using System.Net;
using System.Text.Json.Nodes;
using IdeogramJobs.Api.Tests.Authentication;
using IdeogramJobs.Api.Tests.Infrastructure;

namespace IdeogramJobs.Api.Tests.Configurations;

/// <summary>Job type bodies and lookups shared by the configuration tests.</summary>
public static class JobTypeRequests
{
    public const string Base = "/api/jobs/configurations";

    public static JsonObject Draft(string jobTypeName, int numImages = 2) => new()
    {
        ["jobTypeName"] = jobTypeName,
        ["displayName"] = "Launch Images",
        ["description"] = "Hero images for launch pages",
        ["defaultSettings"] = new JsonObject
        {
            ["styleType"] = "DESIGN",
            ["aspectRatio"] = "16:9",
            ["magicPrompt"] = "ON",
            ["renderingSpeed"] = "DEFAULT",
            ["numImages"] = numImages,
        },
        ["uiSchema"] = new JsonObject
        {
            ["fields"] = new JsonArray(
                new JsonObject { ["name"] = "prompt", ["type"] = "textarea", ["label"] = "Image Description", ["required"] = true },
                new JsonObject { ["name"] = "numImages", ["type"] = "slider", ["label"] = "Number of Images", ["min"] = 1, ["max"] = 4, ["default"] = 2 }),
        },
    };

    public static string UniqueName() => "launch_" + Guid.NewGuid().ToString("N")[..12];

    /// <summary>The id of one of the account's job types, found by name in the list.</summary>
    public static async Task<int> ConfigIdAsync(this TestAccount account, string jobTypeName)
    {
        using var response = await account.Http.GetAsync(Base + "?limit=200&includeInactive=true");
        var page = await response.ReadJsonAsync(HttpStatusCode.OK);
        return page["items"]!.AsArray().Single(item => item!["jobTypeName"]!.GetValue<string>() == jobTypeName)!["configId"]!.GetValue<int>();
    }

    public static async Task<long> CountConfigurationsAsync(this ServiceFixture service, string accountId) =>
        await service.Database.CountAsync($"SELECT COUNT(*) FROM ssnews_job_configurations WHERE account_id = '{accountId}'");
}
