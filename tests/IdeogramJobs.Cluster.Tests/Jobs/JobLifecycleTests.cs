using System.Text.Json.Nodes;
using IdeogramJobs.Cluster.Tests.Infrastructure;
using IdeogramJobs.Contracts.Jobs;
using IdeogramJobs.Testing;

namespace IdeogramJobs.Cluster.Tests.Jobs;

public sealed class JobLifecycleTests(JobEngineFixture fixture) : IClassFixture<JobEngineFixture>, IAsyncLifetime
{
    private const string SpecFinalSettings =
        """{"styleType":"REALISTIC","aspectRatio":"1:1","magicPrompt":"ON","renderingSpeed":"DEFAULT","numImages":2,"colorPalette":{"members":["#1B365D","#FFFFFF","#F4F4F4"]},"negativePrompt":"low quality, blurry, text, watermark"}""";

    public Task InitializeAsync() => fixture.Simulator.RestoreBaselineAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_job_runs_to_completed_with_its_images_stored_and_every_row_written()
    {
        var account = await fixture.NewAccountAsync();

        var jobId = await fixture.SubmitAsync(account, "product_marketing", "a glass water bottle on a desk");
        var done = await fixture.WaitForAsync(account, jobId, JobStatus.Completed);

        Assert.Equal(4, done.Images.Count);
        Assert.Equal(0, done.RetryCount);
        Assert.Equal(100, done.ProgressPercentage);

        var row = Assert.Single(await fixture.Database.QueryAsync($"SELECT * FROM ssnews_jobs WHERE job_id = {jobId}"));
        Assert.Equal("image_generation", row["job_type"]);
        Assert.Equal("completed", row["status"]);
        Assert.Equal(account, row["account_id"]);
        Assert.NotNull(row["worker_id"]);
        Assert.NotNull(row["started_at"]);
        Assert.NotNull(row["completed_at"]);
        Assert.Null(row["error_message"]);
        Assert.Equal("a glass water bottle on a desk", JsonNode.Parse(row["payload"]!)!["prompt"]!.GetValue<string>());
        var results = JsonNode.Parse(row["results"]!)!;
        Assert.Equal(4, results["images"]!.AsArray().Count);

        var settings = Assert.Single(await fixture.Database.QueryAsync($"SELECT s.final_settings, c.job_type_name FROM ssnews_job_execution_settings s JOIN ssnews_job_configurations c ON c.config_id = s.config_id WHERE s.job_id = {jobId}"));
        Assert.Equal("product_marketing", settings["job_type_name"]);
        Assert.Equal(4, JsonNode.Parse(settings["final_settings"]!)!["numImages"]!.GetValue<int>());

        var assets = await fixture.Database.QueryAsync($"SELECT * FROM ssnews_image_assets WHERE job_id = {jobId} ORDER BY image_index");
        Assert.Equal([0, 1, 2, 3], assets.Select(a => int.Parse(a["image_index"]!)));
        foreach (var asset in assets)
        {
            Assert.Equal("ideogram", asset["source_api"]);
            Assert.Equal("ideogram_job", asset["associated_content_type"]);
            Assert.Equal(jobId.ToString(), asset["associated_content_id"]);
            Assert.Equal("pending_review", asset["status"]);
            Assert.StartsWith("http://127.0.0.1:8080/media/", asset["sirv_cdn_url"]);
            var metadata = JsonNode.Parse(asset["generation_metadata"]!)!;
            Assert.Equal("1312x736", metadata["resolution"]!.GetValue<string>());
            Assert.NotNull(metadata["seed"]);
            var file = Path.Combine(fixture.ImageRoot, metadata["storagePath"]!.GetValue<string>().TrimStart('/'));
            Assert.True(File.Exists(file), $"the image file {file} exists");
            Assert.Equal(0x89, File.ReadAllBytes(file)[0]);
        }

        var logs = await fixture.Database.CountAsync($"SELECT COUNT(*) FROM ssnews_system_logs WHERE job_id = {jobId} AND account_id = '{account}'");
        Assert.True(logs >= 3, $"expected the job's steps in ssnews_system_logs, found {logs}");
    }

    [Fact]
    public async Task A_watcher_sees_queued_processing_each_image_and_completed_in_order_while_the_job_runs()
    {
        var account = await fixture.NewAccountAsync();
        await fixture.Simulator.ConfigureAsync(new { latencyScale = 0.1 });

        var jobId = await fixture.SubmitAsync(account, "blog_header", "a field of wheat");
        var seen = new List<JobEvent>();
        await Eventually.Until(
            async () =>
            {
                seen.AddRange(await fixture.Job(jobId).WatchAsync(account, seen.LastOrDefault()?.Sequence ?? 0, TimeSpan.FromSeconds(5)));
                return seen.Any(e => e.Status.IsTerminal());
            },
            TimeSpan.FromSeconds(60),
            $"job {jobId}'s events to reach a terminal status");

        var statuses = seen.Where(e => e.Kind == JobEventKind.Status).Select(e => e.Status).Distinct().ToList();
        Assert.Equal([JobStatus.Queued, JobStatus.Processing, JobStatus.Completed], statuses);
        Assert.Equal(2, seen.Count(e => e.Kind == JobEventKind.Image && e.Image is not null));
        Assert.True(seen.Select(e => e.Sequence).SequenceEqual(seen.Select(e => e.Sequence).Order()), "events arrive in sequence order");
        Assert.True(seen.FindLastIndex(e => e.Kind == JobEventKind.Image) < seen.FindIndex(e => e.Status == JobStatus.Completed), "every image event comes before completed");
    }

    [Fact]
    public async Task The_specification_override_example_runs_with_exactly_its_final_settings()
    {
        var account = await fixture.NewAccountAsync();

        var jobId = await fixture.SubmitAsync(account, "product_marketing", "a desk lamp",
            """{"aspectRatio":"1:1","numImages":2,"styleType":"REALISTIC","customPromptAddition":"with modern minimalist design"}""");
        await fixture.WaitForAsync(account, jobId, JobStatus.Completed);

        var settings = Assert.Single(await fixture.Database.QueryAsync($"SELECT user_overrides, final_settings FROM ssnews_job_execution_settings WHERE job_id = {jobId}"));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(SpecFinalSettings), JsonNode.Parse(settings["final_settings"]!)), settings["final_settings"]);
        Assert.Equal("with modern minimalist design", JsonNode.Parse(settings["user_overrides"]!)!["customPromptAddition"]!.GetValue<string>());
        var fields = (await fixture.Simulator.RequestsAsync()).Last()!["fields"]!.AsArray()
            .ToDictionary(f => f!["name"]!.GetValue<string>(), f => f!["value"]?.GetValue<string>());
        Assert.Equal("a desk lamp with modern minimalist design", fields["prompt"]);
        Assert.Equal("1x1", fields["aspect_ratio"]);
        Assert.Equal("2", fields["num_images"]);
        Assert.Equal("REALISTIC", fields["style_type"]);
    }

    [Fact]
    public async Task Invalid_overrides_are_refused_listing_every_offending_field_and_nothing_is_written()
    {
        var account = await fixture.NewAccountAsync();
        var before = await fixture.Database.CountAsync("SELECT COUNT(*) FROM ssnews_jobs");

        var result = await fixture.Account(account).SubmitAsync(new JobSubmission
        {
            JobTypeName = "product_marketing",
            Prompt = "a lamp",
            OverridesJson = """{"numImages":9,"aspectRatio":"21:9","bogus":1}""",
        });

        Assert.Equal(SubmissionOutcome.Invalid, result.Outcome);
        Assert.Contains(result.Errors, e => e.Field == "numImages");
        Assert.Contains(result.Errors, e => e.Field == "aspectRatio");
        Assert.Contains(result.Errors, e => e.Field == "bogus");
        Assert.Equal(before, await fixture.Database.CountAsync("SELECT COUNT(*) FROM ssnews_jobs"));
    }

    [Fact]
    public async Task A_prompt_the_provider_refuses_as_unsafe_fails_at_once_with_the_reason()
    {
        var account = await fixture.NewAccountAsync();

        var jobId = await fixture.SubmitAsync(account, "blog_header", "an UNSAFE scene");
        var failed = await fixture.WaitForAsync(account, jobId, JobStatus.Failed);

        Assert.Equal(0, failed.RetryCount);
        Assert.Contains("safety", failed.ErrorMessage, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(1, (await fixture.Simulator.TotalsAsync())["requests"]!.GetValue<int>());
        var row = Assert.Single(await fixture.Database.QueryAsync($"SELECT status, error_message, retry_count FROM ssnews_jobs WHERE job_id = {jobId}"));
        Assert.Equal("failed", row["status"]);
        Assert.Equal(failed.ErrorMessage, row["error_message"]);
    }

    [Fact]
    public async Task Provider_errors_are_retried_with_backoff_spending_the_jobs_retries_until_the_job_completes()
    {
        var account = await fixture.NewAccountAsync();
        await fixture.Simulator.ConfigureAsync(new { failureRates = new { serverError = 1.0 } });

        var jobId = await fixture.SubmitAsync(account, "blog_header", "a quiet harbour at noon");
        await Eventually.Until(
            async () => (await fixture.Simulator.TotalsAsync())["injected5xx"]!.GetValue<int>(),
            n => n >= 2,
            TimeSpan.FromSeconds(30),
            "the simulator to have failed two attempts with 500");
        await fixture.Simulator.ConfigureAsync(new { failureRates = new { serverError = 0.0 } });
        var done = await fixture.WaitForAsync(account, jobId, JobStatus.Completed);

        Assert.Equal(2, done.RetryCount);
        Assert.Equal(3, (await fixture.Simulator.TotalsAsync())["requests"]!.GetValue<int>());
        Assert.Equal("2", (await fixture.Database.QueryAsync($"SELECT retry_count FROM ssnews_jobs WHERE job_id = {jobId}"))[0]["retry_count"]);
    }

    [Fact]
    public async Task Over_the_limit_429s_are_retried_after_retry_after_without_spending_the_jobs_retries()
    {
        var account = await fixture.NewAccountAsync();
        await fixture.Simulator.ConfigureAsync(new { retryAfterSeconds = 2, failureRates = new { rateLimited = 1.0 } });

        var jobId = await fixture.SubmitAsync(account, "blog_header", "a quiet harbour at dawn");
        await Eventually.Until(
            async () => (await fixture.Simulator.TotalsAsync())["injected429"]!.GetValue<int>(),
            n => n >= 3,
            TimeSpan.FromSeconds(30),
            "the simulator to have refused three attempts with 429, one more than RETRY_MAX_ATTEMPTS would allow");
        await fixture.Simulator.ConfigureAsync(new { failureRates = new { rateLimited = 0.0 } });
        var done = await fixture.WaitForAsync(account, jobId, JobStatus.Completed);

        Assert.Equal(0, done.RetryCount);
        var row = (await fixture.Database.QueryAsync($"SELECT retry_count, interruptions FROM ssnews_jobs WHERE job_id = {jobId}"))[0];
        Assert.Equal("0", row["retry_count"]);
        Assert.True(int.Parse(row["interruptions"]!) >= 3, $"interruptions were {row["interruptions"]}");
    }

    [Fact]
    public async Task Cancel_and_retry_follow_the_allowed_transitions()
    {
        var account = await fixture.NewAccountAsync(maxConcurrentJobs: 1);
        await fixture.Simulator.ConfigureAsync(new { latencyScale = 0.3 });

        var running = await fixture.SubmitAsync(account, "blog_header", "first");
        var waiting = await fixture.SubmitAsync(account, "blog_header", "second");
        await fixture.WaitForAsync(account, running, JobStatus.Processing);
        Assert.Equal(JobStatus.Queued, (await fixture.Job(waiting).GetAsync(account))!.Status);

        var cancelQueued = await fixture.Job(waiting).CancelAsync(account);
        var cancelRunning = await fixture.Job(running).CancelAsync(account);

        Assert.Equal(JobCommandOutcome.Done, cancelQueued.Outcome);
        Assert.Equal(JobCommandOutcome.Done, cancelRunning.Outcome);
        Assert.Equal("cancelled", (await fixture.Database.QueryAsync($"SELECT status FROM ssnews_jobs WHERE job_id = {running}"))[0]["status"]);
        Assert.Equal(JobCommandOutcome.NotAllowed, (await fixture.Job(running).CancelAsync(account)).Outcome);
        Assert.Equal(JobCommandOutcome.NotFound, (await fixture.Job(running).CancelAsync("another-account")).Outcome);

        await fixture.Simulator.ConfigureAsync(new { latencyScale = 0.0 });
        Assert.Equal(JobCommandOutcome.Done, (await fixture.Account(account).RetryAsync(waiting)).Outcome);
        var retried = await fixture.WaitForAsync(account, waiting, JobStatus.Completed);
        Assert.Equal(2, retried.Images.Count);

        var notAgain = await fixture.Account(account).RetryAsync(waiting);
        Assert.Equal(JobCommandOutcome.NotAllowed, notAgain.Outcome);
        Assert.Equal(JobStatus.Completed, notAgain.Status);
    }
}
