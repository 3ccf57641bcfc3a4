using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using IdeogramJobs.Api.Tests.Infrastructure;

namespace IdeogramJobs.Api.Tests.Retention;

[Collection(ServiceCollection.Name)]
public sealed class RetentionApiTests(ServiceFixture service)
{
    [Fact]
    public async Task A_run_deletes_old_jobs_and_old_rejected_images_with_their_files_exactly_as_the_dry_run_said_and_keeps_the_rest()
    {
        var account = await service.NewAccountAsync();
        var oldJob = await account.ExecuteAsync("blog_header", "an old harbour");
        await account.WaitForAsync(oldJob, "completed");
        var recentJob = await account.ExecuteAsync("blog_header", "a new harbour");
        await account.WaitForAsync(recentJob, "completed");
        var recentImages = await service.Database.QueryAsync($"SELECT image_id, source_image_id_external FROM ssnews_image_assets WHERE job_id = {recentJob} ORDER BY image_index");
        var oldFiles = (await service.Database.QueryAsync($"SELECT source_image_id_external FROM ssnews_image_assets WHERE job_id = {oldJob}")).Select(r => FileOf(r["source_image_id_external"])).ToList();
        var rejectedFile = FileOf(recentImages[0]["source_image_id_external"]);
        var keptFile = FileOf(recentImages[1]["source_image_id_external"]);
        Assert.All(oldFiles.Append(rejectedFile).Append(keptFile), file => Assert.True(File.Exists(file), $"{file} should have been stored"));
        await service.Database.ExecuteAsync($"""
            UPDATE ssnews_jobs SET created_at = UTC_TIMESTAMP() - INTERVAL 400 DAY, completed_at = UTC_TIMESTAMP() - INTERVAL 400 DAY WHERE job_id = {oldJob};
            UPDATE ssnews_image_assets SET status = 'rejected', created_at = UTC_TIMESTAMP() - INTERVAL 60 DAY WHERE image_id = {recentImages[0]["image_id"]};
            """);

        var preview = await service.Admin.GetFromJsonAsync<JsonNode>($"/api/admin/retention/preview?accountId={account.AccountId}");
        using var run = await service.Admin.PostAsync($"/api/admin/retention/run?accountId={account.AccountId}", null);
        var report = JsonNode.Parse(await run.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.OK, run.StatusCode);
        Assert.True(preview!["dryRun"]!.GetValue<bool>());
        Assert.False(report["dryRun"]!.GetValue<bool>());
        var expected = Counts(preview);
        Assert.Equal(1, expected["jobs"]);
        Assert.Equal(2, expected["jobImages"]);
        Assert.Equal(1, expected["rejectedImages"]);
        Assert.Equal(expected, Counts(report));
        Assert.Equal(0, await service.Database.CountAsync($"SELECT COUNT(*) FROM ssnews_jobs WHERE job_id = {oldJob}"));
        Assert.Equal(0, await service.Database.CountAsync($"SELECT COUNT(*) FROM ssnews_image_assets WHERE job_id = {oldJob} OR image_id = {recentImages[0]["image_id"]}"));
        Assert.Equal(1, await service.Database.CountAsync($"SELECT COUNT(*) FROM ssnews_jobs WHERE job_id = {recentJob}"));
        Assert.All(oldFiles.Append(rejectedFile), file => Assert.False(File.Exists(file), $"{file} should have been deleted"));
        Assert.True(File.Exists(keptFile), $"{keptFile} belongs to a job that stays and should be kept");
        var again = await service.Admin.GetFromJsonAsync<JsonNode>($"/api/admin/retention/preview?accountId={account.AccountId}");
        Assert.All(Counts(again!).Values, count => Assert.Equal(0, count));
    }

    [Fact]
    public async Task An_accounts_own_periods_are_set_through_the_admin_api_and_fill_in_the_defaults()
    {
        var account = await service.NewAccountAsync();

        using var saved = await service.Admin.PutAsJsonAsync($"/api/admin/accounts/{account.AccountId}/retention", new { jobHistoryDays = 7, idempotencyKeyHours = 2 });
        var read = await service.Admin.GetFromJsonAsync<JsonNode>($"/api/admin/accounts/{account.AccountId}/retention");

        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal(7, read!["overrides"]!["jobHistoryDays"]!.GetValue<int>());
        Assert.Null(read["overrides"]!["rejectedImageDays"]);
        Assert.Equal(7, read["policy"]!["jobHistoryDays"]!.GetValue<int>());
        Assert.Equal(2, read["policy"]!["idempotencyKeyHours"]!.GetValue<int>());
        Assert.Equal(30, read["policy"]!["rejectedImageDays"]!.GetValue<int>());
        var preview = await service.Admin.GetFromJsonAsync<JsonNode>($"/api/admin/retention/preview?accountId={account.AccountId}");
        Assert.Equal(7, preview!["accounts"]![0]!["policy"]!["jobHistoryDays"]!.GetValue<int>());
    }

    [Fact]
    public async Task Bad_retention_input_is_a_problem_naming_the_field()
    {
        var account = await service.NewAccountAsync();

        using var badPeriod = await service.Admin.PutAsJsonAsync($"/api/admin/accounts/{account.AccountId}/retention", new { jobHistoryDays = 0 });
        using var badAccount = await service.Admin.GetAsync("/api/admin/retention/preview?accountId=not%20an%20id");
        using var unknownAccount = await service.Admin.PostAsync("/api/admin/retention/run?accountId=no-such-account", null);
        using var notAdmin = await account.Http.GetAsync("/api/admin/retention/preview");

        Assert.Equal(HttpStatusCode.BadRequest, badPeriod.StatusCode);
        Assert.Equal("application/problem+json", badPeriod.Content.Headers.ContentType!.MediaType);
        Assert.Contains("jobHistoryDays", await badPeriod.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, badAccount.StatusCode);
        Assert.Contains("accountId", await badAccount.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, unknownAccount.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, notAdmin.StatusCode);
    }

    private string FileOf(string? storagePath) =>
        Path.Combine(service.ImageRoot, storagePath!.TrimStart('/').Replace('/', Path.DirectorySeparatorChar));

    private static Dictionary<string, long> Counts(JsonNode report) =>
        Assert.Single(report["accounts"]!.AsArray())!["counts"]!.AsArray().ToDictionary(c => c!["kind"]!.GetValue<string>(), c => c!["count"]!.GetValue<long>());
}
