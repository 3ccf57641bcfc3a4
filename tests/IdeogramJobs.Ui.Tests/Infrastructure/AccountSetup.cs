using System.Net.Http.Json;
using System.Text.Json.Nodes;
using IdeogramJobs.Api.Tests.Infrastructure;
using IdeogramJobs.Testing;

namespace IdeogramJobs.Ui.Tests.Infrastructure;

/// <summary>What a scenario needs to exist before the browser starts, made through the REST API.</summary>
public static class AccountSetup
{
    /// <summary>A job type whose form offers a prompt, a 1–3 image slider and a style select.</summary>
    public static async Task CreatePosterJobTypeAsync(this TestAccount admin, string jobTypeName)
    {
        using var response = await admin.Http.PostAsJsonAsync("/api/jobs/configurations", new
        {
            jobTypeName,
            displayName = "Poster " + jobTypeName,
            defaultSettings = new { styleType = "DESIGN", aspectRatio = "1:1", magicPrompt = "OFF", renderingSpeed = "TURBO", numImages = 1 },
            uiSchema = new
            {
                fields = new object[]
                {
                    new { name = "prompt", type = "textarea", label = "Image Description", required = true },
                    new { name = "numImages", type = "slider", label = "Number of Images", min = 1, max = 3, @default = 1 },
                    new { name = "styleType", type = "select", label = "Style Type", options = new[] { "AUTO", "DESIGN", "REALISTIC" }, @default = "DESIGN" },
                },
            },
            executionOrder = 0,
        });
        Assert.True(response.IsSuccessStatusCode, $"creating job type {jobTypeName}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>Runs a job of the type to completion and answers its id.</summary>
    public static async Task<long> RunJobAsync(this TestAccount account, string jobTypeName, string prompt, int numImages)
    {
        var jobId = await account.SubmitJobAsync(jobTypeName, prompt, numImages);
        await Eventually.Until(
            async () => JsonNode.Parse(await account.Http.GetStringAsync($"/api/jobs/{jobId}/status"))!["status"]!.GetValue<string>(),
            status => status == "completed",
            TimeSpan.FromSeconds(90),
            $"job {jobId} to complete");

        // The image listing is read from the database, which may record the images a moment after the job reports completion.
        await Eventually.Until(
            async () => JsonNode.Parse(await account.Http.GetStringAsync($"/api/images?jobId={jobId}"))!["total"]!.GetValue<int>(),
            total => total == numImages,
            TimeSpan.FromSeconds(30),
            $"the {numImages} image(s) of job {jobId} to be listed");
        return jobId;
    }

    /// <summary>Submits a job of the type and answers its id without waiting for it.</summary>
    public static async Task<long> SubmitJobAsync(this TestAccount account, string jobTypeName, string prompt, int numImages)
    {
        using var accepted = await account.Http.PostAsJsonAsync("/api/jobs/execute", new { jobType = jobTypeName, prompt, overrides = new { numImages } });
        Assert.True(accepted.IsSuccessStatusCode, $"submitting a {jobTypeName} job: {(int)accepted.StatusCode} {await accepted.Content.ReadAsStringAsync()}");
        return JsonNode.Parse(await accepted.Content.ReadAsStringAsync())!["jobId"]!.GetValue<long>();
    }

    /// <summary>A user-role key of the same account as <paramref name="admin"/>.</summary>
    public static async Task<TestAccount> UserOfAsync(this ServiceFixture service, TestAccount admin)
    {
        using var issued = await service.Admin.PostAsJsonAsync($"/api/admin/accounts/{admin.AccountId}/keys", new { name = "ui-user", role = "user" });
        Assert.True(issued.IsSuccessStatusCode, $"issuing a user key: {(int)issued.StatusCode} {await issued.Content.ReadAsStringAsync()}");
        var key = JsonNode.Parse(await issued.Content.ReadAsStringAsync())!["key"]!.GetValue<string>();
        return new TestAccount(admin.AccountId, key, service.Client(key));
    }

    public static async Task<JsonArray> JobTypesAsync(this TestAccount account) =>
        JsonNode.Parse(await account.Http.GetStringAsync("/api/jobs/configurations?includeInactive=true&limit=200"))!["items"]!.AsArray();
}
