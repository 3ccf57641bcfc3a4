using IdeogramJobs.Contracts.Settings;
using IdeogramJobs.Database.Queries;

namespace IdeogramJobs.Database.Tests.Queries;

public sealed class ImageQueriesTests : IAsyncLifetime
{
    private static readonly DateTime Noon = new(2025, 3, 1, 12, 0, 0, DateTimeKind.Utc);

    private readonly StoreTestDatabase database = new();
    private ImageJobRows rows = null!;
    private MySqlImageQueries queries = null!;
    private string accountId = null!;
    private string otherAccountId = null!;

    public async Task InitializeAsync()
    {
        await database.InitializeAsync();
        rows = new ImageJobRows(database);
        queries = new MySqlImageQueries(database.Connections);
        accountId = await database.CreateAccountAsync("acme");
        otherAccountId = await database.CreateAccountAsync("globex");
    }

    public Task DisposeAsync() => database.DisposeAsync();

    [Fact]
    public async Task An_image_lists_with_its_job_type_and_what_its_generation_metadata_records()
    {
        var jobId = await rows.CreateJobAsync(accountId, "social_media");
        var imageId = await rows.AddImageAsync(accountId, jobId, 1);
        await rows.SetGenerationMetadataAsync(imageId, $$"""
            {"provider":"ideogram-v3","jobTypeName":"social_media","prompt":"Image 1 of job {{jobId}}","requestedPrompt":"A festival poster",
             "seed":1001,"resolution":"1024x1024","styleType":"GENERAL",
             "finalSettings":{"styleType":"DESIGN","aspectRatio":"1:1","numImages":3,"styleCodes":["AB12CD34"]},
             "contentType":"image/png","sizeBytes":2048,"storagePath":"accounts/acme/jobs/7/1.png"}
            """);
        await rows.SetImageCreatedAtAsync(imageId, Noon);

        var page = await queries.ListAsync(accountId, new ImageQuery(), CancellationToken.None);

        var image = Assert.Single(page.Items);
        Assert.Equal(1, page.Total);
        Assert.Equal(imageId, image.ImageId);
        Assert.Equal(jobId, image.JobId);
        Assert.Equal(1, image.Index);
        Assert.Equal($"https://cdn.example/{jobId}/1.png", image.Url);
        Assert.Equal(ImageStatus.PendingReview, image.Status);
        Assert.Equal("social_media", image.JobTypeName);
        Assert.Equal($"Image 1 of job {jobId}", image.Prompt);
        Assert.Equal(1001, image.Seed);
        Assert.Equal("1024x1024", image.Resolution);
        Assert.Equal("GENERAL", image.StyleType);
        Assert.Equal(new JobSettings { StyleType = "DESIGN", AspectRatio = "1:1", NumImages = 3, StyleCodes = ["AB12CD34"] }, image.FinalSettings);
        Assert.Equal("accounts/acme/jobs/7/1.png", image.StoragePath);
        Assert.Equal("image/png", image.ContentType);
        Assert.Equal(Noon, image.CreatedAt);
        Assert.Equal(DateTimeKind.Utc, image.CreatedAt.Kind);
    }

    [Fact]
    public async Task Without_a_storage_path_in_the_metadata_the_path_the_image_store_kept_is_shown()
    {
        var jobId = await rows.CreateJobAsync(accountId, "social_media");
        await rows.SetGenerationMetadataAsync(await rows.AddImageAsync(accountId, jobId, 0), "{}");

        var image = Assert.Single((await queries.ListAsync(accountId, new ImageQuery(), CancellationToken.None)).Items);

        Assert.Equal($"/ideogram/{jobId}/0.png", image.StoragePath);
        Assert.Null(image.FinalSettings);
        Assert.Null(image.ContentType);
    }

    [Fact]
    public async Task Pages_cover_every_image_once_newest_first_and_each_reports_the_whole_total()
    {
        var first = await rows.CreateJobAsync(accountId, "social_media");
        var second = await rows.CreateJobAsync(accountId, "blog_header");
        var created = new List<long>();
        foreach (var (jobId, index) in new[] { (first, 0), (first, 1), (first, 2), (second, 0), (second, 1) })
        {
            var imageId = await rows.AddImageAsync(accountId, jobId, index);
            await rows.SetImageCreatedAtAsync(imageId, Noon.AddMinutes(created.Count));
            created.Add(imageId);
        }

        var pages = new List<Page<ImageRecord>>();
        for (var offset = 0; offset < 6; offset += 2)
        {
            pages.Add(await queries.ListAsync(accountId, new ImageQuery { Offset = offset, Limit = 2 }, CancellationToken.None));
        }

        Assert.All(pages, p => Assert.Equal(5, p.Total));
        Assert.Equal([2, 2, 1], pages.Select(p => p.Items.Count));
        Assert.Equal(Enumerable.Reverse(created), pages.SelectMany(p => p.Items).Select(i => i.ImageId));
        Assert.Equal(200, (await queries.ListAsync(accountId, new ImageQuery { Limit = 999 }, CancellationToken.None)).Limit);
    }

    [Fact]
    public async Task Filters_by_job_status_job_type_and_creation_time_narrow_the_list_and_its_total()
    {
        var social = await rows.CreateJobAsync(accountId, "social_media");
        var blog = await rows.CreateJobAsync(accountId, "blog_header");
        var socialFirst = await rows.AddImageAsync(accountId, social, 0);
        var socialSecond = await rows.AddImageAsync(accountId, social, 1);
        var blogImage = await rows.AddImageAsync(accountId, blog, 0);
        await rows.SetImageCreatedAtAsync(socialFirst, Noon);
        await rows.SetImageCreatedAtAsync(socialSecond, Noon.AddHours(1));
        await rows.SetImageCreatedAtAsync(blogImage, Noon.AddHours(2));
        await database.Database.ExecuteAsync($"UPDATE ssnews_image_assets SET status = 'approved' WHERE image_id IN ({socialSecond}, {blogImage})");

        async Task<IReadOnlyList<long>> Ids(ImageQuery query)
        {
            var page = await queries.ListAsync(accountId, query, CancellationToken.None);
            Assert.Equal(page.Items.Count, page.Total);
            return [.. page.Items.Select(i => i.ImageId)];
        }

        Assert.Equal([socialSecond, socialFirst], await Ids(new ImageQuery { JobId = social }));
        Assert.Equal([blogImage, socialSecond], await Ids(new ImageQuery { Status = ImageStatus.Approved }));
        Assert.Equal([socialSecond, socialFirst], await Ids(new ImageQuery { JobTypeName = "social_media" }));
        Assert.Equal([socialSecond], await Ids(new ImageQuery { JobTypeName = "social_media", Status = ImageStatus.Approved }));
        Assert.Equal([socialSecond, socialFirst], await Ids(new ImageQuery { From = Noon, To = Noon.AddHours(2) }));
        Assert.Equal([blogImage], await Ids(new ImageQuery { From = Noon.AddHours(1).AddSeconds(1) }));
        Assert.Empty(await Ids(new ImageQuery { Status = ImageStatus.Archived }));
    }

    [Fact]
    public async Task Images_by_id_come_in_the_order_asked_leaving_out_other_accounts_and_unknown_ids()
    {
        var jobId = await rows.CreateJobAsync(accountId, "social_media");
        var first = await rows.AddImageAsync(accountId, jobId, 0);
        var second = await rows.AddImageAsync(accountId, jobId, 1);
        var otherJob = await rows.CreateJobAsync(otherAccountId, "social_media");
        var othersImage = await rows.AddImageAsync(otherAccountId, otherJob, 0);

        var images = await queries.GetAsync(accountId, [second, othersImage, 999_999, first, second], CancellationToken.None);

        Assert.Equal([second, first], images.Select(i => i.ImageId));
        Assert.Equal($"https://cdn.example/{jobId}/1.png", images[0].Url);
        Assert.Empty(await queries.GetAsync(accountId, [], CancellationToken.None));
        Assert.Equal([othersImage], (await queries.GetAsync(otherAccountId, [first, othersImage], CancellationToken.None)).Select(i => i.ImageId));
    }

    [Fact]
    public async Task An_image_shows_only_when_both_its_row_and_its_job_belong_to_the_account()
    {
        var ownJob = await rows.CreateJobAsync(accountId, "social_media");
        var own = await rows.AddImageAsync(accountId, ownJob, 0);
        var otherJob = await rows.CreateJobAsync(otherAccountId, "social_media");
        var others = await rows.AddImageAsync(otherAccountId, otherJob, 0);
        // Rows that name one account but link to the other's job, and an image of the older system.
        await database.Database.ExecuteAsync($"""
            INSERT INTO ssnews_image_assets (account_id, associated_content_type, associated_content_id, source_api, sirv_cdn_url, job_id, image_index)
            VALUES ('{accountId}', 'ideogram_job', {otherJob}, 'ideogram', 'https://cdn.example/mislabelled-a.png', {otherJob}, 5),
                   ('{otherAccountId}', 'ideogram_job', {ownJob}, 'ideogram', 'https://cdn.example/mislabelled-b.png', {ownJob}, 5),
                   ('{accountId}', 'gen_article', 7, 'pexels', 'https://cdn.example/article.png', NULL, NULL);
            """);

        var page = await queries.ListAsync(accountId, new ImageQuery(), CancellationToken.None);
        var otherPage = await queries.ListAsync(otherAccountId, new ImageQuery(), CancellationToken.None);

        Assert.Equal([own], page.Items.Select(i => i.ImageId));
        Assert.Equal(1, page.Total);
        Assert.Equal([others], otherPage.Items.Select(i => i.ImageId));
        Assert.Equal(1, otherPage.Total);
        Assert.Empty((await queries.ListAsync(accountId, new ImageQuery { JobId = otherJob }, CancellationToken.None)).Items);
    }
}
