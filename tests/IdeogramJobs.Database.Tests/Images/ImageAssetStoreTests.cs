using IdeogramJobs.Contracts.Settings;
using IdeogramJobs.Database.Images;
using IdeogramJobs.Database.Jobs;

namespace IdeogramJobs.Database.Tests.Images;

public sealed class ImageAssetStoreTests : IAsyncLifetime
{
    private readonly StoreTestDatabase database = new();
    private const string Attempt = "0123456789abcdef0123456789abcdef";

    private MySqlImageAssetStore store = null!;
    private MySqlJobStore jobs = null!;
    private string accountId = null!;
    private long jobId;

    public async Task InitializeAsync()
    {
        await database.InitializeAsync();
        store = new MySqlImageAssetStore(database.Connections);
        accountId = await database.CreateAccountAsync("acme");
        jobs = new MySqlJobStore(database.Connections, store);
        jobId = await jobs.CreateAsync(new NewJob
        {
            AccountId = accountId,
            ConfigId = await database.ConfigIdAsync(accountId, "concept_illustration"),
            JobTypeName = "concept_illustration",
            Prompt = "A map of an imaginary island",
            FinalSettings = new JobSettings { NumImages = 2 },
        }, CancellationToken.None);
        Assert.True(await jobs.ClaimAttemptAsync(jobId, new AttemptClaim(Attempt, "silo-1", DateTime.UtcNow.AddMinutes(5), "generating"), CancellationToken.None));
    }

    public Task DisposeAsync() => database.DisposeAsync();

    [Fact]
    public async Task An_image_is_recorded_as_an_ideogram_image_of_its_job_awaiting_review()
    {
        var imageId = await store.RecordAsync(Image(0), CancellationToken.None);

        var row = Assert.Single(await database.Database.QueryAsync($"SELECT * FROM ssnews_image_assets WHERE image_id = {imageId}"));
        Assert.Equal(accountId, row["account_id"]);
        Assert.Equal("ideogram", row["source_api"]);
        Assert.Equal("ideogram_job", row["associated_content_type"]);
        Assert.Equal(jobId.ToString(), row["associated_content_id"]);
        Assert.Equal(jobId.ToString(), row["job_id"]);
        Assert.Equal("0", row["image_index"]);
        Assert.Equal($"https://cdn.example/{jobId}/0.png", row["sirv_cdn_url"]);
        Assert.Equal($"/ideogram/{jobId}/0.png", row["source_image_id_external"]);
        Assert.Equal("A map of an imaginary island", row["alt_text_suggestion_ai"]);
        Assert.Equal("pending_review", row["status"]);
        Assert.Equal(
            $$"""{"provider":"ideogram-v3","jobTypeName":"concept_illustration","configId":1,"prompt":"A map of an imaginary island","requestedPrompt":"A map of an imaginary island","seed":4242,"resolution":"1024x1024","styleType":"GENERAL","isImageSafe":true,"styleCodes":[],"finalSettings":{"numImages":2},"contentType":"image/png","sizeBytes":2048,"sha256":"{{new string('a', 64)}}","storagePath":"/ideogram/{{jobId}}/0.png"}""",
            row["generation_metadata"]);
    }

    [Fact]
    public async Task Recording_the_same_index_again_keeps_one_row_with_the_same_id_and_the_new_url()
    {
        var first = await store.RecordAsync(Image(0), CancellationToken.None);

        var second = await store.RecordAsync(Image(0) with
        {
            Url = $"https://cdn.example/{jobId}/0-again.png",
            Seed = 99,
        }, CancellationToken.None);

        Assert.Equal(first, second);
        Assert.Equal(1, await database.Database.CountAsync($"SELECT COUNT(*) FROM ssnews_image_assets WHERE job_id = {jobId}"));
        var image = Assert.Single(await store.ListForJobAsync(jobId, CancellationToken.None));
        Assert.Equal(first, image.ImageId);
        Assert.Equal($"https://cdn.example/{jobId}/0-again.png", image.Url);
        Assert.Equal(99, image.Seed);
    }

    [Fact]
    public async Task A_jobs_images_list_in_index_order_with_what_the_generation_said_about_each()
    {
        var second = await store.RecordAsync(Image(1) with { IsImageSafe = false, Seed = null, StyleType = null }, CancellationToken.None);
        var first = await store.RecordAsync(Image(0), CancellationToken.None);

        var images = await store.ListForJobAsync(jobId, CancellationToken.None);

        Assert.Equal([first!.Value, second!.Value], images.Select(i => i.ImageId));
        Assert.Equal([0, 1], images.Select(i => i.Index));
        Assert.Equal(4242, images[0].Seed);
        Assert.Equal("1024x1024", images[0].Resolution);
        Assert.Equal("GENERAL", images[0].StyleType);
        Assert.True(images[0].IsImageSafe);
        Assert.Equal("A map of an imaginary island", images[0].Prompt);
        Assert.Null(images[1].Seed);
        Assert.Null(images[1].StyleType);
        Assert.False(images[1].IsImageSafe);
        Assert.Empty(await store.ListForJobAsync(jobId + 1000, CancellationToken.None));
    }

    [Fact]
    public async Task The_alt_text_is_the_prompt_cut_to_the_columns_255_characters_without_splitting_a_character()
    {
        var prompt = new string('a', 254) + "🌋" + new string('b', 300);

        var imageId = await store.RecordAsync(Image(0) with { Prompt = prompt }, CancellationToken.None);

        var row = Assert.Single(await database.Database.QueryAsync($"SELECT alt_text_suggestion_ai FROM ssnews_image_assets WHERE image_id = {imageId}"));
        Assert.Equal(new string('a', 254), row["alt_text_suggestion_ai"]);
        Assert.Equal(prompt, Assert.Single(await store.ListForJobAsync(jobId, CancellationToken.None)).Prompt);
    }

    [Fact]
    public async Task A_url_already_recorded_for_an_older_systems_image_is_refused_and_that_image_is_untouched()
    {
        await database.Database.ExecuteAsync($"""
            INSERT INTO ssnews_image_assets (account_id, associated_content_type, associated_content_id, source_api, sirv_cdn_url, alt_text_suggestion_ai, status)
            VALUES ('{accountId}', 'gen_article', 7, 'pexels', 'https://cdn.example/shared.png', 'An article image', 'approved')
            """);
        var before = await database.Database.QueryAsync("SELECT * FROM ssnews_image_assets");

        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            store.RecordAsync(Image(0) with { Url = "https://cdn.example/shared.png" }, CancellationToken.None));

        Assert.Equal(before, await database.Database.QueryAsync("SELECT * FROM ssnews_image_assets"));
        Assert.Empty(await store.ListForJobAsync(jobId, CancellationToken.None));
    }

    [Fact]
    public async Task An_attempt_that_no_longer_owns_the_job_records_no_image_and_changes_none()
    {
        var kept = await store.RecordAsync(Image(0), CancellationToken.None);
        Assert.True(await jobs.TakeOverAsync(jobId, Attempt, "silo died", providerBusyUntil: null, CancellationToken.None));
        var before = await database.Database.QueryAsync("SELECT * FROM ssnews_image_assets");

        Assert.Null(await store.RecordAsync(Image(0) with { Url = "https://cdn.example/stale/0.png" }, CancellationToken.None));
        Assert.Null(await store.RecordAsync(Image(1), CancellationToken.None));

        Assert.Equal(before, await database.Database.QueryAsync("SELECT * FROM ssnews_image_assets"));
        Assert.Equal([kept!.Value], (await store.ListForJobAsync(jobId, CancellationToken.None)).Select(i => i.ImageId));
    }

    private NewImageAsset Image(int index) => new()
    {
        AttemptToken = Attempt,
        AccountId = accountId,
        JobId = jobId,
        Index = index,
        Url = $"https://cdn.example/{jobId}/{index}.png",
        StoragePath = $"/ideogram/{jobId}/{index}.png",
        Prompt = "A map of an imaginary island",
        Seed = 4242,
        Resolution = "1024x1024",
        StyleType = "GENERAL",
        Generation = Generations.Example,
    };
}
