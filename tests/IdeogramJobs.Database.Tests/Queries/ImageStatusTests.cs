using IdeogramJobs.Database.Queries;

namespace IdeogramJobs.Database.Tests.Queries;

public sealed class ImageStatusTests : IAsyncLifetime
{
    private readonly StoreTestDatabase database = new();
    private ImageJobRows rows = null!;
    private string accountId = null!;
    private string otherAccountId = null!;
    private long first;
    private long second;
    private long othersImage;

    public async Task InitializeAsync()
    {
        await database.InitializeAsync();
        rows = new ImageJobRows(database);
        accountId = await database.CreateAccountAsync("acme");
        otherAccountId = await database.CreateAccountAsync("globex");
        var jobId = await rows.CreateJobAsync(accountId, "social_media");
        first = await rows.AddImageAsync(accountId, jobId, 0);
        second = await rows.AddImageAsync(accountId, jobId, 1);
        othersImage = await rows.AddImageAsync(otherAccountId, await rows.CreateJobAsync(otherAccountId, "social_media"), 0);
    }

    public Task DisposeAsync() => database.DisposeAsync();

    [Fact]
    public async Task Approving_changes_the_accounts_images_and_returns_them_while_another_accounts_image_stays_as_it_was()
    {
        var queries = new MySqlImageQueries(database.Connections);

        var changed = await queries.SetStatusAsync(accountId, [second, othersImage, 999_999, first], ImageStatus.Approved, CancellationToken.None);

        Assert.Equal([second, first], changed);
        Assert.Equal(["approved", "approved", "pending_review"], await StatusesAsync());
        Assert.Equal([ImageStatus.Approved, ImageStatus.Approved], (await queries.GetAsync(accountId, [first, second], CancellationToken.None)).Select(i => i.Status));
    }

    [Fact]
    public async Task Another_account_cannot_change_an_image_it_does_not_own()
    {
        var queries = new MySqlImageQueries(database.Connections);

        var changed = await queries.SetStatusAsync(otherAccountId, [first, second], ImageStatus.Rejected, CancellationToken.None);

        Assert.Empty(changed);
        Assert.Equal(["pending_review", "pending_review", "pending_review"], await StatusesAsync());
    }

    [Fact]
    public async Task Every_status_is_stored_under_its_database_name_and_setting_the_same_status_again_still_returns_the_image()
    {
        var queries = new MySqlImageQueries(database.Connections);

        foreach (var (status, stored) in new[] { (ImageStatus.Rejected, "rejected"), (ImageStatus.Archived, "archived"), (ImageStatus.PendingReview, "pending_review") })
        {
            Assert.Equal([first], await queries.SetStatusAsync(accountId, [first], status, CancellationToken.None));
            Assert.Equal(stored, (await StatusesAsync())[0]);
        }

        Assert.Equal([first], await queries.SetStatusAsync(accountId, [first], ImageStatus.PendingReview, CancellationToken.None));
        Assert.Empty(await queries.SetStatusAsync(accountId, [], ImageStatus.Approved, CancellationToken.None));
    }

    [Fact]
    public async Task On_an_older_database_the_approval_flag_follows_the_status_for_the_accounts_images_only()
    {
        await database.Database.ExecuteAsync("ALTER TABLE ssnews_image_assets ADD COLUMN is_approved_human BOOLEAN DEFAULT FALSE");
        var queries = new MySqlImageQueries(database.Connections);

        await queries.SetStatusAsync(accountId, [first, second], ImageStatus.Approved, CancellationToken.None);
        Assert.Equal(["True", "True", "False"], await ApprovalFlagsAsync());

        await queries.SetStatusAsync(accountId, [second], ImageStatus.Rejected, CancellationToken.None);
        Assert.Equal(["True", "False", "False"], await ApprovalFlagsAsync());
        Assert.Equal(["approved", "rejected", "pending_review"], await StatusesAsync());
    }

    private async Task<List<string?>> StatusesAsync() =>
        [.. (await database.Database.QueryAsync($"SELECT status FROM ssnews_image_assets WHERE image_id IN ({first}, {second}, {othersImage}) ORDER BY image_id"))
            .Select(r => r["status"])];

    private async Task<List<string?>> ApprovalFlagsAsync() =>
        [.. (await database.Database.QueryAsync($"SELECT is_approved_human FROM ssnews_image_assets WHERE image_id IN ({first}, {second}, {othersImage}) ORDER BY image_id"))
            .Select(r => r["is_approved_human"])];
}
