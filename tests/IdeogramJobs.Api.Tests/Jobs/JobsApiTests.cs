using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using IdeogramJobs.Api.Tests.Infrastructure;

namespace IdeogramJobs.Api.Tests.Jobs;

[Collection(ServiceCollection.Name)]
public sealed class JobsApiTests(ServiceFixture service)
{
    private const string SpecFinalSettings =
        """{"styleType":"REALISTIC","aspectRatio":"1:1","magicPrompt":"ON","renderingSpeed":"DEFAULT","numImages":2,"colorPalette":{"members":["#1B365D","#FFFFFF","#F4F4F4"]},"negativePrompt":"low quality, blurry, text, watermark"}""";

    [Fact]
    public async Task A_job_goes_from_submit_to_images_that_are_served()
    {
        var account = await service.NewAccountAsync();

        using var submitted = await account.Http.PostAsJsonAsync("/api/jobs/execute", new { jobType = "product_marketing", prompt = "a walnut desk lamp" });
        Assert.Equal(HttpStatusCode.Accepted, submitted.StatusCode);
        var accepted = JsonNode.Parse(await submitted.Content.ReadAsStringAsync())!;
        var jobId = accepted["jobId"]!.GetValue<long>();
        Assert.Equal($"/api/jobs/{jobId}/status", submitted.Headers.Location!.OriginalString);
        Assert.Equal(4, accepted["finalSettings"]!["numImages"]!.GetValue<int>());

        await account.WaitForAsync(jobId, "completed");
        var results = JsonNode.Parse(await account.Http.GetStringAsync($"/api/jobs/{jobId}/results"))!;

        Assert.True(results["complete"]!.GetValue<bool>());
        var images = results["images"]!.AsArray();
        Assert.Equal(4, images.Count);
        using var image = await service.Anonymous().GetAsync(images[0]!["url"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, image.StatusCode);
        Assert.Equal("image/png", image.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task The_specification_override_example_through_execute_gives_exactly_its_final_settings()
    {
        var account = await service.NewAccountAsync();

        using var submitted = await account.Http.PostAsJsonAsync("/api/jobs/execute", new
        {
            jobType = "product_marketing",
            prompt = "a desk lamp",
            overrides = new { aspectRatio = "1:1", numImages = 2, styleType = "REALISTIC", customPromptAddition = "with modern minimalist design" },
        });

        var accepted = JsonNode.Parse(await submitted.Content.ReadAsStringAsync())!;
        Assert.Equal(HttpStatusCode.Accepted, submitted.StatusCode);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(SpecFinalSettings), accepted["finalSettings"]), accepted["finalSettings"]!.ToJsonString());
    }

    [Fact]
    public async Task The_same_idempotency_key_twice_creates_one_job()
    {
        var account = await service.NewAccountAsync();
        var key = Guid.NewGuid().ToString();

        var first = await PostWithKeyAsync(account, key);
        var second = await PostWithKeyAsync(account, key);

        Assert.Equal(first["jobId"]!.GetValue<long>(), second["jobId"]!.GetValue<long>());
        Assert.False(first["replayed"]!.GetValue<bool>());
        Assert.True(second["replayed"]!.GetValue<bool>());
        Assert.Equal(1, await service.Database.CountAsync($"SELECT COUNT(*) FROM ssnews_jobs WHERE account_id = '{account.AccountId}'"));
    }

    [Fact]
    public async Task The_same_idempotency_key_with_a_different_request_is_a_409_problem_naming_the_first_job()
    {
        var account = await service.NewAccountAsync();
        var key = Guid.NewGuid().ToString();
        var first = await PostWithKeyAsync(account, key);

        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/jobs/execute") { Content = JsonContent.Create(new { jobType = "blog_header", prompt = "twice, but different" }) };
        request.Headers.Add("Idempotency-Key", key);
        using var response = await account.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(first["jobId"]!.GetValue<long>(), problem["jobId"]!.GetValue<long>());
        Assert.Contains("Idempotency-Key", problem["detail"]!.GetValue<string>());
        Assert.Equal(1, await service.Database.CountAsync($"SELECT COUNT(*) FROM ssnews_jobs WHERE account_id = '{account.AccountId}'"));
    }

    [Fact]
    public async Task The_event_stream_delivers_queued_processing_images_and_completed_in_order_then_ends()
    {
        var account = await service.NewAccountAsync();
        await service.ConfigureSimulatorAsync(new { latencyScale = 0.05 });
        try
        {
            var jobId = await account.ExecuteAsync("blog_header", "a field of wheat");

            using var stream = await account.Http.GetStreamAsync($"/api/jobs/{jobId}/events");
            using var reader = new StreamReader(stream, Encoding.UTF8);
            var events = new List<(string Type, JsonNode Data)>();
            string? type = null;
            while (await reader.ReadLineAsync() is { } line)
            {
                if (line.StartsWith("event: ", StringComparison.Ordinal))
                {
                    type = line[7..];
                }
                else if (line.StartsWith("data: ", StringComparison.Ordinal))
                {
                    events.Add((type!, JsonNode.Parse(line[6..])!));
                }
            }

            var statuses = events.Where(e => e.Type == "status").Select(e => e.Data["status"]!.GetValue<string>()).Distinct().ToList();
            Assert.Equal(["queued", "processing", "completed"], statuses);
            Assert.Equal(2, events.Count(e => e.Type == "image"));
            Assert.True(events.FindLastIndex(e => e.Type == "image") < events.FindIndex(e => e.Data["status"]!.GetValue<string>() == "completed"));
        }
        finally
        {
            await service.ConfigureSimulatorAsync(new { latencyScale = 0 });
        }
    }

    [Fact]
    public async Task Cancel_and_retry_answer_409_for_a_job_in_a_state_that_does_not_allow_them()
    {
        var account = await service.NewAccountAsync();
        var jobId = await account.ExecuteAsync("blog_header", "a lighthouse");
        await account.WaitForAsync(jobId, "completed");

        using var cancel = await account.Http.PostAsync($"/api/jobs/{jobId}/cancel", null);
        using var retry = await account.Http.PostAsync($"/api/jobs/{jobId}/retry", null);
        using var unknown = await account.Http.PostAsync("/api/jobs/999999999/cancel", null);

        Assert.Equal(HttpStatusCode.Conflict, cancel.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, retry.StatusCode);
        Assert.Equal("completed", JsonNode.Parse(await retry.Content.ReadAsStringAsync())!["jobStatus"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task Regenerating_reuses_the_settings_exactly_or_with_the_changes_given_and_records_the_source()
    {
        var account = await service.NewAccountAsync();
        var original = await account.ExecuteAsync("product_marketing", "a teapot", new { aspectRatio = "1:1", numImages = 2 });
        await account.WaitForAsync(original, "completed");

        using var same = await account.Http.PostAsJsonAsync($"/api/jobs/{original}/regenerate", new { });
        using var changed = await account.Http.PostAsJsonAsync($"/api/jobs/{original}/regenerate", new { overrides = new { numImages = 1 } });

        var exact = JsonNode.Parse(await same.Content.ReadAsStringAsync())!;
        var modified = JsonNode.Parse(await changed.Content.ReadAsStringAsync())!;
        Assert.Equal(HttpStatusCode.Accepted, same.StatusCode);
        Assert.Equal("1:1", exact["finalSettings"]!["aspectRatio"]!.GetValue<string>());
        Assert.Equal(2, exact["finalSettings"]!["numImages"]!.GetValue<int>());
        Assert.Equal("1:1", modified["finalSettings"]!["aspectRatio"]!.GetValue<string>());
        Assert.Equal(1, modified["finalSettings"]!["numImages"]!.GetValue<int>());
        var regenerated = await account.WaitForAsync(modified["jobId"]!.GetValue<long>(), "completed");
        Assert.Equal(original, regenerated["regeneratedFrom"]!.GetValue<long>());
    }

    [Fact]
    public async Task Listing_filters_by_status_and_job_type_and_pages()
    {
        var account = await service.NewAccountAsync();
        var blog = await account.ExecuteAsync("blog_header", "one");
        var social = await account.ExecuteAsync("social_media", "two");
        await account.WaitForAsync(blog, "completed");
        await account.WaitForAsync(social, "completed");

        var byType = JsonNode.Parse(await account.Http.GetStringAsync("/api/jobs?jobType=social_media"))!;
        var firstPage = JsonNode.Parse(await account.Http.GetStringAsync("/api/jobs?status=completed&limit=1"))!;
        var secondPage = JsonNode.Parse(await account.Http.GetStringAsync("/api/jobs?status=completed&limit=1&offset=1"))!;

        Assert.Equal(social, Assert.Single(byType["items"]!.AsArray())!["jobId"]!.GetValue<long>());
        Assert.Equal(2, firstPage["total"]!.GetValue<int>());
        Assert.NotEqual(firstPage["items"]![0]!["jobId"]!.GetValue<long>(), secondPage["items"]![0]!["jobId"]!.GetValue<long>());
    }

    [Theory]
    [InlineData("/api/jobs?status=bogus")]
    [InlineData("/api/jobs?status=1")]
    [InlineData("/api/images?status=approvedish")]
    [InlineData("/api/images?status=2")]
    public async Task An_unknown_status_filter_is_refused_naming_the_field(string path)
    {
        var account = await service.NewAccountAsync();

        using var response = await account.Http.GetAsync(path);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull(JsonNode.Parse(await response.Content.ReadAsStringAsync())!["errors"]!["status"]);
    }

    [Fact]
    public async Task Another_accounts_job_is_not_found_for_every_read_and_write()
    {
        var owner = await service.NewAccountAsync();
        var stranger = await service.NewAccountAsync();
        var jobId = await owner.ExecuteAsync("blog_header", "private");
        await owner.WaitForAsync(jobId, "completed");

        foreach (var (method, path) in new[]
        {
            ("GET", $"/api/jobs/{jobId}/status"), ("GET", $"/api/jobs/{jobId}/results"), ("GET", $"/api/jobs/{jobId}/events"),
            ("POST", $"/api/jobs/{jobId}/cancel"), ("POST", $"/api/jobs/{jobId}/retry"), ("POST", $"/api/jobs/{jobId}/regenerate"),
        })
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = method == "POST" ? JsonContent.Create(new { }) : null };
            using var response = await stranger.Http.SendAsync(request);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{method} {path} answered {(int)response.StatusCode} for another account");
        }

        var list = JsonNode.Parse(await stranger.Http.GetStringAsync("/api/jobs"))!;
        Assert.Equal(0, list["total"]!.GetValue<int>());
    }

    [Fact]
    public async Task Submissions_past_the_accounts_rate_limit_get_429_with_retry_after()
    {
        var account = await service.NewAccountAsync();
        using var limits = await service.Admin.PutAsJsonAsync($"/api/admin/accounts/{account.AccountId}/limits", new { jobsPerMinute = 1 });
        Assert.True(limits.IsSuccessStatusCode, await limits.Content.ReadAsStringAsync());

        await account.ExecuteAsync("blog_header", "first");
        using var refused = await account.Http.PostAsJsonAsync("/api/jobs/execute", new { jobType = "blog_header", prompt = "second" });

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.InRange(int.Parse(refused.Headers.GetValues("Retry-After").Single()), 1, 60);
        Assert.Equal("jobs_per_minute", JsonNode.Parse(await refused.Content.ReadAsStringAsync())!["limit"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("{\"jobType\": \"blog_header\", \"prompt\": ")]
    [InlineData("{\"jobType\": \"blog_header\", \"prompt\": 5}")]
    [InlineData("{\"jobType\": \"blog_header\", \"prompt\": \"x\", \"overrides\": {\"numImages\": 9}}")]
    [InlineData("{\"jobType\": \"blog_header\", \"prompt\": \"x\", \"overrides\": {\"styleCodes\": [\"nothex!!\"]}}")]
    [InlineData("{\"jobType\": \"x'; DROP TABLE ssnews_jobs;--\", \"prompt\": \"x\"}")]
    [InlineData("{\"jobType\": \"blog_header\", \"prompt\": \"x\", \"priority\": 100000}")]
    [InlineData("{\"prompt\": \"no job type\"}")]
    [InlineData("[1, 2, 3]")]
    public async Task Hostile_submissions_get_a_4xx_and_write_nothing(string body)
    {
        var account = await service.NewAccountAsync();

        using var response = await account.Http.PostAsync("/api/jobs/execute", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.InRange((int)response.StatusCode, 400, 499);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(0, await service.Database.CountAsync($"SELECT COUNT(*) FROM ssnews_jobs WHERE account_id = '{account.AccountId}'"));
    }

    [Fact]
    public async Task A_huge_prompt_is_refused_naming_the_field()
    {
        var account = await service.NewAccountAsync();

        using var response = await account.Http.PostAsJsonAsync("/api/jobs/execute", new { jobType = "blog_header", prompt = new string('x', 20_000) });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull(JsonNode.Parse(await response.Content.ReadAsStringAsync())!["errors"]!["prompt"]);
    }

    [Theory]
    [InlineData("/api/jobs/..%2F1/status")]
    [InlineData("/api/jobs/-1/status")]
    [InlineData("/api/jobs/99999999999999999999999/status")]
    [InlineData("/api/jobs/1%20OR%201=1/status")]
    public async Task Odd_job_ids_are_not_found(string path)
    {
        var account = await service.NewAccountAsync();

        using var response = await account.Http.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private static async Task<JsonNode> PostWithKeyAsync(TestAccount account, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/jobs/execute") { Content = JsonContent.Create(new { jobType = "blog_header", prompt = "once" }) };
        request.Headers.Add("Idempotency-Key", key);
        using var response = await account.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }
}
