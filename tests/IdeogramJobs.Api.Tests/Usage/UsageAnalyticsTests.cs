using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using IdeogramJobs.Api.Tests.Infrastructure;

namespace IdeogramJobs.Api.Tests.Usage;

[Collection(ServiceCollection.Name)]
public sealed class UsageAnalyticsTests(ServiceFixture service)
{
    [Fact]
    public async Task The_usage_figures_equal_counts_taken_directly_from_the_tables_after_a_scripted_run()
    {
        var account = await service.NewAccountAsync();
        using (var limits = await service.Admin.PutAsJsonAsync($"/api/admin/accounts/{account.AccountId}/limits", new { jobsPerMinute = 4 }))
        {
            Assert.True(limits.IsSuccessStatusCode, await limits.Content.ReadAsStringAsync());
        }

        var completed = new[]
        {
            await account.ExecuteAsync("blog_header", "harbour"),
            await account.ExecuteAsync("product_marketing", "kettle", new { numImages = 3 }),
            await account.ExecuteAsync("social_media", "poster"),
        };
        var failed = await account.ExecuteAsync("blog_header", "an UNSAFE request");
        using (var refused = await account.Http.PostAsJsonAsync("/api/jobs/execute", new { jobType = "blog_header", prompt = "over the limit" }))
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        }

        foreach (var jobId in completed)
        {
            await account.WaitForAsync(jobId, "completed");
        }

        await account.WaitForAsync(failed, "failed");
        var from = DateTime.UtcNow.Date.ToString("yyyy-MM-dd");
        var to = DateTime.UtcNow.Date.AddDays(1).ToString("yyyy-MM-dd");

        var report = JsonNode.Parse(await service.Admin.GetStringAsync($"/api/admin/accounts/{account.AccountId}/usage?from={from}&to={to}&granularity=hour"))!;
        var totals = report["totals"]!;

        var id = account.AccountId;
        Assert.Equal(await Count($"SELECT COUNT(*) FROM ssnews_jobs WHERE account_id = '{id}'"), totals["jobs"]!.GetValue<int>());
        Assert.Equal(await Count($"SELECT COUNT(*) FROM ssnews_jobs WHERE account_id = '{id}' AND status = 'completed'"), totals["jobsByStatus"]!["completed"]!.GetValue<int>());
        Assert.Equal(await Count($"SELECT COUNT(*) FROM ssnews_jobs WHERE account_id = '{id}' AND status = 'failed'"), totals["jobsByStatus"]!["failed"]!.GetValue<int>());
        Assert.Equal(await Count($"SELECT COUNT(*) FROM ssnews_image_assets WHERE account_id = '{id}'"), totals["images"]!.GetValue<int>());
        Assert.Equal(await Count($"SELECT COALESCE(SUM(retry_count), 0) FROM ssnews_jobs WHERE account_id = '{id}'"), totals["retries"]!.GetValue<int>());
        Assert.Equal(await Count($"SELECT COUNT(*) FROM ssnews_job_admission_rejections WHERE account_id = '{id}'"), totals["rateLimitRejections"]!.GetValue<int>());
        Assert.Equal(2, totals["jobsByType"]!["blog_header"]!.GetValue<int>());
        Assert.Equal(0.75, totals["successRate"]!.GetValue<double>(), 3);
        Assert.NotNull(totals["generationSecondsP95"]);
        Assert.Equal(
            totals["jobs"]!.GetValue<int>(),
            report["periods"]!.AsArray().Sum(p => p!["figures"]!["jobs"]!.GetValue<int>()));

        var everyone = JsonNode.Parse(await service.Admin.GetStringAsync($"/api/admin/usage?from={from}&to={to}"))!;
        Assert.Equal(await Count("SELECT COUNT(*) FROM ssnews_jobs WHERE job_type = 'image_generation'"), everyone["totals"]!["jobs"]!.GetValue<int>());
    }

    private async Task<int> Count(string sql) => (int)await service.Database.CountAsync(sql);
}
