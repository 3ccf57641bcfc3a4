using System.Globalization;
using IdeogramJobs.Database.Accounts;

namespace IdeogramJobs.Database.Tests.Accounts;

public sealed class AccountStoreTests : IAsyncLifetime
{
    private readonly StoreTestDatabase database = new();
    private MySqlAccountStore store = null!;
    private string accountId = null!;

    public async Task InitializeAsync()
    {
        await database.InitializeAsync();
        store = new MySqlAccountStore(database.Connections);
        accountId = await database.CreateAccountAsync("acme");
    }

    public Task DisposeAsync() => database.DisposeAsync();

    [Fact]
    public async Task An_account_without_a_limits_row_has_no_overrides_so_the_service_defaults_apply()
    {
        var account = await store.GetAsync(accountId, CancellationToken.None);

        var row = (await database.Database.QueryAsync(
            $"SELECT organization_id, created_at FROM ssnews_accounts WHERE account_id = '{accountId}'"))[0];
        Assert.Equal(
            new AccountRecord
            {
                AccountId = accountId,
                OrganizationId = row["organization_id"]!,
                Name = "Account acme",
                Slug = "acme",
                IsActive = true,
                CreatedAt = DateTime.Parse(row["created_at"]!, CultureInfo.InvariantCulture),
            },
            account);
    }

    [Fact]
    public async Task An_accounts_limit_overrides_come_with_it_and_unset_ones_stay_null()
    {
        await database.Database.ExecuteAsync($"""
            INSERT INTO ssnews_account_job_limits (account_id, jobs_per_minute, jobs_per_day, images_per_minute, images_per_day, daily_image_quota, max_concurrent_jobs)
            VALUES ('{accountId}', 10, NULL, 40, 2000, 500, 2)
            """);
        var other = await database.CreateAccountAsync("globex");
        await database.Database.ExecuteAsync($"INSERT INTO ssnews_account_job_limits (account_id, jobs_per_minute) VALUES ('{other}', 99)");

        var account = await store.GetAsync(accountId, CancellationToken.None);

        Assert.NotNull(account);
        Assert.Equal(10, account.JobsPerMinute);
        Assert.Null(account.JobsPerDay);
        Assert.Equal(40, account.ImagesPerMinute);
        Assert.Equal(2000, account.ImagesPerDay);
        Assert.Equal(500, account.DailyImageQuota);
        Assert.Equal(2, account.MaxConcurrentJobs);
    }

    [Fact]
    public async Task A_deactivated_account_reads_as_inactive_and_an_unknown_one_as_missing()
    {
        await database.Database.ExecuteAsync($"UPDATE ssnews_accounts SET is_active = FALSE WHERE account_id = '{accountId}'");

        Assert.False((await store.GetAsync(accountId, CancellationToken.None))!.IsActive);
        Assert.Null(await store.GetAsync("no-such-account", CancellationToken.None));
    }

    [Fact]
    public async Task A_refused_submission_is_recorded_with_its_limit_job_type_and_utc_time()
    {
        await store.RecordRejectionAsync(accountId, "images_per_minute", "social_media", CancellationToken.None);
        await store.RecordRejectionAsync(accountId, "daily_image_quota", null, CancellationToken.None);

        var rows = await database.Database.QueryAsync(
            $"SELECT limit_name, job_type_name, occurred_at FROM ssnews_job_admission_rejections WHERE account_id = '{accountId}' ORDER BY rejection_id");
        Assert.Equal(["images_per_minute", "daily_image_quota"], rows.Select(r => r["limit_name"]));
        Assert.Equal(["social_media", null], rows.Select(r => r["job_type_name"]));
        Assert.All(rows, r => Assert.InRange(
            DateTime.Parse(r["occurred_at"]!, CultureInfo.InvariantCulture),
            DateTime.UtcNow.AddMinutes(-2),
            DateTime.UtcNow.AddMinutes(2)));
    }
}
