using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using IdeogramJobs.Api.Tests.Infrastructure;

namespace IdeogramJobs.Api.Tests.Jobs;

[Collection(ServiceCollection.Name)]
public sealed class FailedJobsApiTests(ServiceFixture service)
{
    [Fact]
    public async Task Retrying_many_jobs_answers_for_each_and_queues_only_the_failed_ones()
    {
        var account = await service.NewAccountAsync();
        var other = await service.NewAccountAsync();
        var failed = await account.ExecuteAsync("blog_header", "an UNSAFE request");
        var completed = await account.ExecuteAsync("blog_header", "a calm bay");
        var othersFailed = await other.ExecuteAsync("blog_header", "another UNSAFE request");
        await account.WaitForAsync(failed, "failed");
        await account.WaitForAsync(completed, "completed");
        await other.WaitForAsync(othersFailed, "failed");

        using var response = await account.Http.PostAsJsonAsync("/api/jobs/retry", new { jobIds = new[] { failed, completed, othersFailed, 999_999_999L } });

        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"batch retry answered {(int)response.StatusCode}: {body}");
        var answer = JsonNode.Parse(body)!;
        Assert.Equal(1, answer["queued"]!.GetValue<int>());
        var outcomes = answer["results"]!.AsArray().Select(r => (r!["jobId"]!.GetValue<long>(), r["outcome"]!.GetValue<string>())).ToList();
        Assert.Equal([(failed, "queued"), (completed, "notAllowed"), (othersFailed, "notFound"), (999_999_999L, "notFound")], outcomes);
        Assert.Equal("failed", (await other.StatusAsync(othersFailed))["status"]!.GetValue<string>());
        await account.WaitForAsync(failed, "failed");
    }

    [Fact]
    public async Task A_batch_retry_without_job_ids_or_with_too_many_is_a_problem_naming_the_field()
    {
        var account = await service.NewAccountAsync();

        foreach (var ids in new[] { Array.Empty<long>(), Enumerable.Range(1, 101).Select(i => (long)i).ToArray() })
        {
            using var response = await account.Http.PostAsJsonAsync("/api/jobs/retry", new { jobIds = ids });
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.NotNull(JsonNode.Parse(await response.Content.ReadAsStringAsync())!["errors"]!["jobIds"]);
        }
    }

    [Fact]
    public async Task A_failed_jobs_log_tells_its_attempts_and_why_it_failed_and_is_hidden_from_other_accounts()
    {
        var account = await service.NewAccountAsync();
        var other = await service.NewAccountAsync();
        var failed = await account.ExecuteAsync("blog_header", "an UNSAFE poster");
        var status = await account.WaitForAsync(failed, "failed");

        var log = JsonNode.Parse(await account.Http.GetStringAsync($"/api/jobs/{failed}/log"))!;
        var lines = log["lines"]!.AsArray();
        Assert.NotEmpty(lines);
        Assert.All(lines, l => Assert.NotNull(l!["at"]));
        Assert.Contains(lines, l => l!["level"]!.GetValue<string>() == "error" && l["message"]!.GetValue<string>().Contains("failed", StringComparison.OrdinalIgnoreCase));
        Assert.False(string.IsNullOrEmpty(status["errorMessage"]?.GetValue<string>()), "a failed job without its reason");

        using var hidden = await other.Http.GetAsync($"/api/jobs/{failed}/log");
        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
    }
}
