using IdeogramJobs.Contracts.Jobs;
using IdeogramJobs.Database.Queries;

namespace IdeogramJobs.Database.Tests.Queries;

public sealed class JobQueriesTests : IAsyncLifetime
{
    private static readonly DateTime Noon = new(2025, 3, 1, 12, 0, 0, DateTimeKind.Utc);

    private readonly StoreTestDatabase database = new();
    private ImageJobRows rows = null!;
    private MySqlJobQueries queries = null!;
    private string accountId = null!;

    public async Task InitializeAsync()
    {
        await database.InitializeAsync();
        rows = new ImageJobRows(database);
        queries = new MySqlJobQueries(database.Connections);
        accountId = await database.CreateAccountAsync("acme");
    }

    public Task DisposeAsync() => database.DisposeAsync();

    [Fact]
    public async Task Jobs_list_newest_first_with_their_type_prompt_state_and_image_count()
    {
        var older = await rows.CreateJobAsync(accountId, "product_marketing", "A sleek water bottle", priority: 3);
        await rows.SetJobAsync(older, "failed", Noon, Noon, Noon.AddSeconds(5), retries: 2);
        await database.Database.ExecuteAsync($"UPDATE ssnews_jobs SET error_message = 'content policy', progress_percentage = 40 WHERE job_id = {older}");
        var newer = await rows.CreateJobAsync(accountId, "social_media", "A festival poster");
        await rows.SetJobAsync(newer, "completed", Noon.AddMinutes(1), Noon.AddMinutes(1), Noon.AddMinutes(1).AddSeconds(9));
        await rows.AddImageAsync(accountId, newer, 0);
        await rows.AddImageAsync(accountId, newer, 1);

        var page = await queries.ListAsync(accountId, new JobQuery(), CancellationToken.None);

        Assert.Equal(2, page.Total);
        Assert.Equal(
            [
                new JobSummary
                {
                    JobId = newer, Status = JobStatus.Completed, JobTypeName = "social_media", Prompt = "A festival poster",
                    ImageCount = 2, CreatedAt = Noon.AddMinutes(1), CompletedAt = Noon.AddMinutes(1).AddSeconds(9),
                },
                new JobSummary
                {
                    JobId = older, Status = JobStatus.Failed, JobTypeName = "product_marketing", Prompt = "A sleek water bottle",
                    Priority = 3, ProgressPercentage = 40, RetryCount = 2, ErrorMessage = "content policy",
                    CreatedAt = Noon, CompletedAt = Noon.AddSeconds(5),
                },
            ],
            page.Items);
    }

    [Fact]
    public async Task Pages_cover_every_job_once_in_order_and_each_reports_the_whole_total()
    {
        var created = new List<long>();
        for (var i = 0; i < 5; i++)
        {
            var jobId = await rows.CreateJobAsync(accountId, "blog_header");
            // Two jobs share a creation time: the newer id comes first.
            await rows.SetJobCreatedAtAsync(jobId, Noon.AddMinutes(i == 4 ? 3 : i));
            created.Add(jobId);
        }

        var pages = new List<Page<JobSummary>>();
        for (var offset = 0; offset < 6; offset += 2)
        {
            pages.Add(await queries.ListAsync(accountId, new JobQuery { Offset = offset, Limit = 2 }, CancellationToken.None));
        }

        Assert.All(pages, p => Assert.Equal(5, p.Total));
        Assert.Equal([2, 2, 1], pages.Select(p => p.Items.Count));
        Assert.Equal([0, 2, 4], pages.Select(p => p.Offset));
        Assert.Equal(
            [created[4], created[3], created[2], created[1], created[0]],
            pages.SelectMany(p => p.Items).Select(j => j.JobId));
    }

    [Fact]
    public async Task The_limit_is_held_between_1_and_200_and_a_negative_offset_starts_at_the_beginning()
    {
        await rows.CreateJobAsync(accountId, "blog_header");
        await rows.CreateJobAsync(accountId, "blog_header");

        var tooSmall = await queries.ListAsync(accountId, new JobQuery { Limit = 0, Offset = -3 }, CancellationToken.None);
        var tooLarge = await queries.ListAsync(accountId, new JobQuery { Limit = 5000 }, CancellationToken.None);

        Assert.Equal((1, 0, 1, 2), (tooSmall.Limit, tooSmall.Offset, tooSmall.Items.Count, tooSmall.Total));
        Assert.Equal((200, 2), (tooLarge.Limit, tooLarge.Items.Count));
    }

    [Fact]
    public async Task Status_filter_lists_only_jobs_in_that_state_and_counts_only_them()
    {
        var queued = await rows.CreateJobAsync(accountId, "blog_header");
        var failed = await rows.CreateJobAsync(accountId, "blog_header");
        await rows.SetJobAsync(failed, "failed", Noon);
        var alsoFailed = await rows.CreateJobAsync(accountId, "social_media");
        await rows.SetJobAsync(alsoFailed, "failed", Noon.AddHours(1));

        var page = await queries.ListAsync(accountId, new JobQuery { Status = JobStatus.Failed }, CancellationToken.None);
        var queuedPage = await queries.ListAsync(accountId, new JobQuery { Status = JobStatus.Queued }, CancellationToken.None);

        Assert.Equal([alsoFailed, failed], page.Items.Select(j => j.JobId));
        Assert.Equal(2, page.Total);
        Assert.Equal([queued], queuedPage.Items.Select(j => j.JobId));
    }

    [Fact]
    public async Task Job_type_filter_matches_the_payloads_name_and_for_a_payload_without_one_the_configurations()
    {
        var blog = await rows.CreateJobAsync(accountId, "blog_header");
        var social = await rows.CreateJobAsync(accountId, "social_media");
        var socialByConfiguration = await rows.CreateJobAsync(accountId, "social_media");
        await database.Database.ExecuteAsync(
            $"UPDATE ssnews_jobs SET payload = JSON_REMOVE(payload, '$.jobTypeName') WHERE job_id = {socialByConfiguration}");

        var page = await queries.ListAsync(accountId, new JobQuery { JobTypeName = "social_media" }, CancellationToken.None);

        Assert.Equal(2, page.Total);
        Assert.Equal([socialByConfiguration, social], page.Items.Select(j => j.JobId));
        Assert.All(page.Items, j => Assert.Equal("social_media", j.JobTypeName));
        Assert.Equal([blog], (await queries.ListAsync(accountId, new JobQuery { JobTypeName = "blog_header" }, CancellationToken.None)).Items.Select(j => j.JobId));
        Assert.Empty((await queries.ListAsync(accountId, new JobQuery { JobTypeName = "no_such_type" }, CancellationToken.None)).Items);
    }

    [Fact]
    public async Task Time_filter_includes_jobs_created_at_From_and_excludes_those_created_at_To()
    {
        var before = await rows.CreateJobAsync(accountId, "blog_header");
        await rows.SetJobCreatedAtAsync(before, Noon.AddSeconds(-1));
        var atFrom = await rows.CreateJobAsync(accountId, "blog_header");
        await rows.SetJobCreatedAtAsync(atFrom, Noon);
        var inside = await rows.CreateJobAsync(accountId, "blog_header");
        await rows.SetJobCreatedAtAsync(inside, Noon.AddMinutes(30));
        var atTo = await rows.CreateJobAsync(accountId, "blog_header");
        await rows.SetJobCreatedAtAsync(atTo, Noon.AddHours(1));

        var page = await queries.ListAsync(accountId, new JobQuery { From = Noon, To = Noon.AddHours(1) }, CancellationToken.None);
        var fromOnly = await queries.ListAsync(accountId, new JobQuery { From = Noon.AddMinutes(30) }, CancellationToken.None);

        Assert.Equal([inside, atFrom], page.Items.Select(j => j.JobId));
        Assert.Equal(2, page.Total);
        Assert.Equal([atTo, inside], fromOnly.Items.Select(j => j.JobId));
    }

    [Fact]
    public async Task Another_accounts_jobs_and_the_older_systems_jobs_are_never_listed()
    {
        var own = await rows.CreateJobAsync(accountId, "blog_header");
        var other = await database.CreateAccountAsync("globex");
        await rows.CreateJobAsync(other, "blog_header");
        await database.InsertOlderSystemJobAsync(accountId, "content_generation", "queued");

        var page = await queries.ListAsync(accountId, new JobQuery(), CancellationToken.None);

        Assert.Equal([own], page.Items.Select(j => j.JobId));
        Assert.Equal(1, page.Total);
        Assert.Equal(1, (await queries.ListAsync(other, new JobQuery(), CancellationToken.None)).Total);
        Assert.Empty((await queries.ListAsync("no-such-account", new JobQuery(), CancellationToken.None)).Items);
    }
}
