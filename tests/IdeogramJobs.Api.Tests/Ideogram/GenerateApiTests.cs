using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using IdeogramJobs.Api.Tests.Infrastructure;

namespace IdeogramJobs.Api.Tests.Ideogram;

[Collection(ServiceCollection.Name)]
public sealed class GenerateApiTests(ServiceFixture service)
{
    [Fact]
    public async Task Direct_generation_with_ad_hoc_settings_answers_with_the_images_as_a_job_of_the_account()
    {
        var account = await service.NewAccountAsync();

        using var response = await account.Http.PostAsJsonAsync("/api/ideogram/v3/generate", new
        {
            prompt = "a paper boat",
            settings = new { aspectRatio = "9:16", renderingSpeed = "TURBO", numImages = 2, seed = 42 },
        });

        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("completed", body["status"]!.GetValue<string>());
        Assert.Equal(2, body["images"]!.AsArray().Count);
        Assert.Equal("736x1312", body["images"]![0]!["resolution"]!.GetValue<string>());
        Assert.Equal(42, body["images"]![0]!["seed"]!.GetValue<long>());
        var jobType = await service.Database.QueryAsync($"SELECT c.job_type_name FROM ssnews_job_execution_settings s JOIN ssnews_job_configurations c ON c.config_id = s.config_id WHERE s.job_id = {body["jobId"]}");
        Assert.Equal("ideogram_direct", jobType[0]["job_type_name"]);
    }

    [Fact]
    public async Task Generation_with_overrides_runs_the_job_type_under_the_same_rules_as_execute()
    {
        var account = await service.NewAccountAsync();

        using var done = await account.Http.PostAsJsonAsync("/api/ideogram/v3/generate-with-overrides", new
        {
            jobType = "product_marketing",
            prompt = "a kettle",
            overrides = new { numImages = 1 },
        });
        using var refused = await account.Http.PostAsJsonAsync("/api/ideogram/v3/generate-with-overrides", new
        {
            jobType = "product_marketing",
            prompt = "a kettle",
            overrides = new { renderingSpeed = "QUALITY" },
        });

        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        Assert.Single(JsonNode.Parse(await done.Content.ReadAsStringAsync())!["images"]!.AsArray());
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.NotNull(JsonNode.Parse(await refused.Content.ReadAsStringAsync())!["errors"]!["renderingSpeed"]);
    }

    [Fact]
    public async Task A_generation_that_outlasts_the_wait_answers_202_with_where_to_follow_it()
    {
        var account = await service.NewAccountAsync();
        await service.ConfigureSimulatorAsync(new { latencyScale = 0.5 });
        try
        {
            using var response = await account.Http.PostAsJsonAsync("/api/ideogram/v3/generate", new { prompt = "slow", settings = new { renderingSpeed = "QUALITY" }, waitSeconds = 1 });

            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
            var jobId = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["jobId"]!.GetValue<long>();
            Assert.Equal($"/api/jobs/{jobId}/status", response.Headers.Location!.OriginalString);
        }
        finally
        {
            await service.ConfigureSimulatorAsync(new { latencyScale = 0 });
        }
    }
}
