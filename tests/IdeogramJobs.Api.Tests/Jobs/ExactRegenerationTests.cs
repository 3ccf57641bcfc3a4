using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using IdeogramJobs.Api.Tests.Infrastructure;

namespace IdeogramJobs.Api.Tests.Jobs;

[Collection(ServiceCollection.Name)]
public sealed class ExactRegenerationTests(ServiceFixture service)
{
    [Fact]
    public async Task Regenerating_exactly_sends_each_images_recorded_seed_and_reproduces_the_images()
    {
        var account = await service.NewAccountAsync();
        var prompt = $"a copper kettle {Guid.NewGuid():N}";
        var original = await account.ExecuteAsync("product_marketing", prompt, new { aspectRatio = "1:1", numImages = 2 });
        await account.WaitForAsync(original, "completed");
        var originalImages = await ImagesAsync(account, original);

        using var response = await account.Http.PostAsJsonAsync($"/api/jobs/{original}/regenerate", new { mode = "exact" });

        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, body.ToJsonString());
        var jobs = body["jobs"]!.AsArray();
        Assert.Equal(2, jobs.Count);
        var replayedImages = new List<(long Seed, string Resolution)>();
        foreach (var job in jobs)
        {
            var jobId = job!["jobId"]!.GetValue<long>();
            var status = await account.WaitForAsync(jobId, "completed");
            Assert.Equal(original, status["regeneratedFrom"]!.GetValue<long>());
            Assert.Equal("exact", status["replay"]!["mode"]!.GetValue<string>());
            replayedImages.AddRange(await ImagesAsync(account, jobId));
        }

        Assert.Equal(originalImages.OrderBy(i => i.Seed), replayedImages.OrderBy(i => i.Seed));
        var sent = await SentRequestsAsync(prompt);
        Assert.Equal(3, sent.Count);
        Assert.Null(Field(sent[0], "seed"));
        Assert.Equal(originalImages.Select(i => i.Seed.ToString()).Order(), sent.Skip(1).Select(r => Field(r, "seed")!).Order());
        Assert.All(sent.Skip(1), r => Assert.Equal("1", Field(r, "num_images")));
    }

    [Fact]
    public async Task Variations_keep_the_settings_but_send_no_seed_so_ideogram_draws_new_ones()
    {
        // Only an account admin may set a seed the job type does not offer.
        var account = await service.NewAccountAsync("admin");
        var prompt = $"a paper lantern {Guid.NewGuid():N}";
        var original = await account.ExecuteAsync("product_marketing", prompt, new { aspectRatio = "1:1", numImages = 1, seed = 4242 });
        await account.WaitForAsync(original, "completed");

        using var response = await account.Http.PostAsJsonAsync($"/api/jobs/{original}/regenerate", new { mode = "variations" });

        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, body.ToJsonString());
        var variation = body["jobId"]!.GetValue<long>();
        var status = await account.WaitForAsync(variation, "completed");
        Assert.Equal("variations", status["replay"]!["mode"]!.GetValue<string>());
        var sent = await SentRequestsAsync(prompt);
        Assert.Equal(2, sent.Count);
        Assert.Equal("4242", Field(sent[0], "seed"));
        Assert.Null(Field(sent[1], "seed"));
        Assert.Equal("1x1", Field(sent[1], "aspect_ratio"));
    }

    [Fact]
    public async Task Regenerating_exactly_a_job_whose_settings_fixed_the_seed_is_one_job_with_the_same_seed()
    {
        // Only an account admin may set a seed the job type does not offer.
        var account = await service.NewAccountAsync("admin");
        var prompt = $"a brass compass {Guid.NewGuid():N}";
        var original = await account.ExecuteAsync("product_marketing", prompt, new { numImages = 2, seed = 777 });
        await account.WaitForAsync(original, "completed");

        using var response = await account.Http.PostAsJsonAsync($"/api/jobs/{original}/regenerate", new { mode = "exact" });

        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, body.ToJsonString());
        Assert.Single(body["jobs"]!.AsArray());
        await account.WaitForAsync(body["jobId"]!.GetValue<long>(), "completed");
        var sent = await SentRequestsAsync(prompt);
        Assert.Equal(["777", "777"], sent.Select(r => Field(r, "seed")));
        Assert.Equal(["2", "2"], sent.Select(r => Field(r, "num_images")));
    }

    [Theory]
    [InlineData("""{"mode":"same"}""", "mode")]
    [InlineData("""{"mode":"exact","overrides":{"numImages":1}}""", "overrides")]
    public async Task A_regeneration_mode_that_cannot_be_honoured_is_refused_naming_the_field(string request, string field)
    {
        var account = await service.NewAccountAsync();
        var original = await account.ExecuteAsync("product_marketing", "a clay pot");

        using var response = await account.Http.PostAsync($"/api/jobs/{original}/regenerate", new StringContent(request, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull(JsonNode.Parse(await response.Content.ReadAsStringAsync())!["errors"]![field]);
    }

    private static async Task<List<(long Seed, string Resolution)>> ImagesAsync(TestAccount account, long jobId)
    {
        var results = JsonNode.Parse(await account.Http.GetStringAsync($"/api/jobs/{jobId}/results"))!;
        return [.. results["images"]!.AsArray().Select(i => (i!["seed"]!.GetValue<long>(), i["resolution"]!.GetValue<string>()))];
    }

    /// <summary>The generate requests the simulator received for this prompt, oldest first.</summary>
    private async Task<List<JsonNode>> SentRequestsAsync(string prompt)
    {
        var requests = JsonNode.Parse(await service.Simulator.GetStringAsync("/_simulator/requests"))!.AsArray();
        return [.. requests.Where(r => r!["status"]!.GetValue<int>() == 200 && Field(r, "prompt") is { } sent && sent.Contains(prompt, StringComparison.Ordinal)).Select(r => r!)];
    }

    private static string? Field(JsonNode? request, string name) =>
        request!["fields"]!.AsArray().FirstOrDefault(f => f!["name"]!.GetValue<string>() == name)?["value"]?.GetValue<string>();
}
