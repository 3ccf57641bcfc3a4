using System.Text.Json.Nodes;
using IdeogramJobs.Contracts.Jobs;
using IdeogramJobs.Contracts.Settings;
using IdeogramJobs.Database.Images;
using IdeogramJobs.Database.Jobs;

namespace IdeogramJobs.Database.Tests.Jobs;

public sealed class JobCreationTests : IAsyncLifetime
{
    // The specification's "User Override Example", which must be reproduced exactly.
    private const string SpecUserOverrides = """{"aspectRatio":"1:1","numImages":2,"styleType":"REALISTIC","customPromptAddition":"with modern minimalist design"}""";
    private const string SpecFinalSettings = """{"styleType":"REALISTIC","aspectRatio":"1:1","magicPrompt":"ON","renderingSpeed":"DEFAULT","numImages":2,"colorPalette":{"members":["#1B365D","#FFFFFF","#F4F4F4"]},"negativePrompt":"low quality, blurry, text, watermark"}""";

    private readonly StoreTestDatabase database = new();
    private MySqlJobStore store = null!;
    private MySqlImageAssetStore images = null!;
    private string accountId = null!;
    private int configId;

    public async Task InitializeAsync()
    {
        await database.InitializeAsync();
        images = new MySqlImageAssetStore(database.Connections);
        store = new MySqlJobStore(database.Connections, images);
        accountId = await database.CreateAccountAsync("acme");
        configId = await database.ConfigIdAsync(accountId, "product_marketing");
    }

    public Task DisposeAsync() => database.DisposeAsync();

    [Fact]
    public async Task A_created_job_reads_back_queued_with_everything_it_was_created_with()
    {
        var settings = SettingsJson.Deserialize<JobSettings>(SpecFinalSettings);
        var jobId = await store.CreateAsync(new NewJob
        {
            AccountId = accountId,
            ConfigId = configId,
            JobTypeName = "product_marketing",
            Prompt = "A sleek water bottle on a desk",
            CustomPromptAddition = "with modern minimalist design",
            Priority = 5,
            MaxRetries = 4,
            FinalSettings = settings,
            UserOverridesJson = SpecUserOverrides,
            StyleReferenceImages = [Reference("a.png"), Reference("b.png")],
            RegeneratedFrom = 77,
        }, CancellationToken.None);

        var job = await store.GetAsync(jobId, CancellationToken.None);

        Assert.NotNull(job);
        Assert.Equal(jobId, job.JobId);
        Assert.Equal(accountId, job.AccountId);
        Assert.Equal(JobStatus.Queued, job.Status);
        Assert.Equal(configId, job.ConfigId);
        Assert.Equal("product_marketing", job.JobTypeName);
        Assert.Equal("A sleek water bottle on a desk", job.Prompt);
        Assert.Equal("A sleek water bottle on a desk with modern minimalist design", job.EffectivePrompt);
        Assert.Equal(5, job.Priority);
        Assert.Equal(4, job.MaxRetries);
        Assert.Equal(0, job.RetryCount);
        Assert.Equal(settings, job.FinalSettings);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(SpecUserOverrides), JsonNode.Parse(job.UserOverridesJson!)));
        Assert.Equal(["a.png", "b.png"], job.StyleReferenceImages);
        var kept = await store.GetStyleReferencesAsync(jobId, CancellationToken.None);
        Assert.Equal(["a.png", "b.png"], kept.Select(r => r.FileName));
        Assert.Equal(Reference("a.png").Content, kept[0].Content);
        Assert.Equal("image/png", kept[0].ContentType);
        Assert.Equal(77, job.RegeneratedFrom);
        Assert.Empty(job.Images);
        Assert.Null(job.StartedAt);
        Assert.Null(job.CompletedAt);
        Assert.Equal(DateTimeKind.Utc, job.CreatedAt.Kind);
        Assert.InRange(job.CreatedAt, DateTime.UtcNow.AddMinutes(-2), DateTime.UtcNow.AddMinutes(2));
    }

    [Fact]
    public async Task The_settings_row_holds_the_final_settings_in_the_specification_shape()
    {
        var jobId = await store.CreateAsync(Job(SettingsJson.Deserialize<JobSettings>(SpecFinalSettings)) with
        {
            UserOverridesJson = SpecUserOverrides,
        }, CancellationToken.None);

        var row = Assert.Single(await database.Database.QueryAsync(
            $"SELECT config_id, user_overrides, final_settings FROM ssnews_job_execution_settings WHERE job_id = {jobId}"));
        Assert.Equal(configId.ToString(), row["config_id"]);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(SpecFinalSettings), JsonNode.Parse(row["final_settings"]!)), row["final_settings"]);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(SpecUserOverrides), JsonNode.Parse(row["user_overrides"]!)), row["user_overrides"]);
    }

    [Fact]
    public async Task The_job_row_is_an_image_generation_job_of_the_accounts_organisation_with_its_payload()
    {
        var jobId = await store.CreateAsync(Job() with
        {
            CustomPromptAddition = "at dawn",
            StyleReferenceImages = [Reference("a.png")],
            RegeneratedFrom = 12,
            IdempotencyKey = "key-1",
            MaxRetries = 6,
            Priority = 2,
        }, CancellationToken.None);

        var row = await database.JobRowAsync(jobId);
        var organizationId = (await database.Database.QueryAsync(
            $"SELECT organization_id FROM ssnews_accounts WHERE account_id = '{accountId}'"))[0]["organization_id"];
        Assert.Equal("image_generation", row["job_type"]);
        Assert.Equal("queued", row["status"]);
        Assert.Equal(organizationId, row["organization_id"]);
        Assert.Equal(accountId, row["account_id"]);
        Assert.Equal("6", row["max_retries"]);
        Assert.Equal("2", row["priority"]);
        Assert.Equal("api", row["created_by"]);
        var expected = JsonNode.Parse($$"""
            {"prompt":"A lighthouse","customPromptAddition":"at dawn","jobTypeName":"product_marketing","configId":{{configId}},
             "styleReferenceImages":["a.png"],"regeneratedFrom":12,"idempotencyKey":"key-1"}
            """);
        Assert.True(JsonNode.DeepEquals(expected, JsonNode.Parse(row["payload"]!)), row["payload"]);
    }

    [Fact]
    public async Task Values_not_given_are_left_out_of_the_payload_and_the_overrides_are_null()
    {
        var jobId = await store.CreateAsync(Job(), CancellationToken.None);

        var payload = (await database.JobRowAsync(jobId))["payload"]!;
        var expected = JsonNode.Parse($$"""{"prompt":"A lighthouse","jobTypeName":"product_marketing","configId":{{configId}},"styleReferenceImages":[]}""");
        Assert.True(JsonNode.DeepEquals(expected, JsonNode.Parse(payload)), payload);
        Assert.Equal(0, await database.Database.CountAsync(
            $"SELECT COUNT(*) FROM ssnews_job_execution_settings WHERE job_id = {jobId} AND user_overrides IS NOT NULL"));
        Assert.Equal(0, await database.Database.CountAsync("SELECT COUNT(*) FROM ssnews_job_idempotency_keys"));
        var job = await store.GetAsync(jobId, CancellationToken.None);
        Assert.Null(job!.CustomPromptAddition);
        Assert.Null(job.RegeneratedFrom);
        Assert.Null(job.UserOverridesJson);
        Assert.Empty(job.StyleReferenceImages);
        Assert.Equal("A lighthouse", job.EffectivePrompt);
    }

    [Fact]
    public async Task A_second_submission_with_the_same_idempotency_key_gets_the_first_job_and_adds_no_row()
    {
        var first = await store.CreateAsync(Job() with { IdempotencyKey = "retry-me", RequestSha256 = new string('a', 64) }, CancellationToken.None);

        var second = await store.CreateAsync(Job() with { IdempotencyKey = "retry-me", Prompt = "Something else" }, CancellationToken.None);

        Assert.Equal(first, second);
        Assert.Equal(first, (await store.FindByIdempotencyKeyAsync(accountId, "retry-me", CancellationToken.None))?.JobId);
        Assert.Equal(1, await database.Database.CountAsync("SELECT COUNT(*) FROM ssnews_jobs WHERE job_type = 'image_generation'"));
        Assert.Equal(1, await database.Database.CountAsync("SELECT COUNT(*) FROM ssnews_job_execution_settings"));
        Assert.Equal("A lighthouse", (await store.GetAsync(first, CancellationToken.None))!.Prompt);
        Assert.Equal(new string('a', 64), (await store.FindByIdempotencyKeyAsync(accountId, "retry-me", CancellationToken.None))!.RequestSha256);
    }

    [Fact]
    public async Task Concurrent_submissions_with_one_idempotency_key_create_one_job()
    {
        var ids = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ =>
            store.CreateAsync(Job() with { IdempotencyKey = "burst" }, CancellationToken.None)));

        Assert.Single(ids.Distinct());
        Assert.Equal(1, await database.Database.CountAsync("SELECT COUNT(*) FROM ssnews_jobs WHERE job_type = 'image_generation'"));
        Assert.Equal(1, await database.Database.CountAsync("SELECT COUNT(*) FROM ssnews_job_execution_settings"));
    }

    [Fact]
    public async Task A_submission_whose_write_fails_part_way_leaves_nothing_behind_and_the_next_one_commits_alone()
    {
        // The reference row fails (its content type is longer than the column) after the job row was written.
        var unwritable = Job() with
        {
            IdempotencyKey = "half-written",
            StyleReferenceImages = [Reference("a.png") with { ContentType = "image/" + new string('x', 80) }],
        };
        await Assert.ThrowsAnyAsync<MySqlConnector.MySqlException>(() => store.CreateAsync(unwritable, CancellationToken.None));

        // Its connection goes back to the pool and serves the next submission: a transaction left open there would be
        // committed, half-written job and all, by the next one's START TRANSACTION.
        var next = await store.CreateAsync(Job(), CancellationToken.None);

        Assert.Equal(1, await database.Database.CountAsync("SELECT COUNT(*) FROM ssnews_jobs WHERE job_type = 'image_generation'"));
        Assert.Equal(1, await database.Database.CountAsync("SELECT COUNT(*) FROM ssnews_job_execution_settings"));
        Assert.Equal(0, await database.Database.CountAsync("SELECT COUNT(*) FROM ssnews_job_idempotency_keys"));
        Assert.NotNull(await store.GetAsync(next, CancellationToken.None));
    }

    [Fact]
    public async Task Idempotency_keys_belong_to_one_account_and_compare_exactly()
    {
        var otherAccount = await database.CreateAccountAsync("globex");
        var otherConfig = await database.ConfigIdAsync(otherAccount, "product_marketing");

        var mine = await store.CreateAsync(Job() with { IdempotencyKey = "Key-A" }, CancellationToken.None);
        var theirs = await store.CreateAsync(Job() with { AccountId = otherAccount, ConfigId = otherConfig, IdempotencyKey = "Key-A" }, CancellationToken.None);
        var differentCase = await store.CreateAsync(Job() with { IdempotencyKey = "key-a" }, CancellationToken.None);

        Assert.Equal(3, new[] { mine, theirs, differentCase }.Distinct().Count());
        Assert.Equal(mine, (await store.FindByIdempotencyKeyAsync(accountId, "Key-A", CancellationToken.None))?.JobId);
        Assert.Equal(theirs, (await store.FindByIdempotencyKeyAsync(otherAccount, "Key-A", CancellationToken.None))?.JobId);
        Assert.Null(await store.FindByIdempotencyKeyAsync(accountId, "never-used", CancellationToken.None));
    }

    [Fact]
    public async Task Deleting_a_job_frees_its_idempotency_key()
    {
        var first = await store.CreateAsync(Job() with { IdempotencyKey = "purged" }, CancellationToken.None);

        await database.Database.ExecuteAsync($"DELETE FROM ssnews_jobs WHERE job_id = {first}");

        Assert.Null(await store.FindByIdempotencyKeyAsync(accountId, "purged", CancellationToken.None));
        var second = await store.CreateAsync(Job() with { IdempotencyKey = "purged" }, CancellationToken.None);
        Assert.NotEqual(first, second);
        Assert.Equal(second, (await store.FindByIdempotencyKeyAsync(accountId, "purged", CancellationToken.None))?.JobId);
    }

    [Fact]
    public async Task A_job_that_is_not_an_image_job_of_this_service_is_not_found()
    {
        var olderJob = await database.InsertOlderSystemJobAsync(accountId, "content_generation", "queued");

        Assert.Null(await store.GetAsync(olderJob, CancellationToken.None));
        Assert.Null(await store.GetAsync(987_654, CancellationToken.None));
    }

    [Fact]
    public async Task A_stored_job_lists_its_recorded_images_in_order()
    {
        var jobId = await store.CreateAsync(Job(), CancellationToken.None);
        foreach (var index in new[] { 1, 0 })
        {
            await images.RecordAsync(new NewImageAsset
            {
                AccountId = accountId,
                JobId = jobId,
                Index = index,
                Url = $"https://cdn.example/{jobId}-{index}.png",
                StoragePath = $"/jobs/{jobId}-{index}.png",
                Prompt = "A lighthouse",
                Seed = 100 + index,
                Generation = Generations.Example,
            }, CancellationToken.None);
        }

        var job = await store.GetAsync(jobId, CancellationToken.None);

        Assert.Equal([0, 1], job!.Images.Select(i => i.Index));
        Assert.Equal([100L, 101L], job.Images.Select(i => i.Seed!.Value));
        Assert.Equal($"https://cdn.example/{jobId}-0.png", job.Images[0].Url);
    }

    private NewJob Job(JobSettings? settings = null) => new()
    {
        AccountId = accountId,
        ConfigId = configId,
        JobTypeName = "product_marketing",
        Prompt = "A lighthouse",
        FinalSettings = settings ?? new JobSettings { StyleType = "DESIGN", NumImages = 2 },
    };

    private static StyleReferenceUpload Reference(string name) =>
        new(name, "image/png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, (byte)name[0]]);
}
