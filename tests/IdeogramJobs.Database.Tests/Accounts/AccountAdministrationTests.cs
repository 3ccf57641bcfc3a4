using IdeogramJobs.Contracts.Accounts;
using IdeogramJobs.Database.Accounts;

namespace IdeogramJobs.Database.Tests.Accounts;

public sealed class AccountAdministrationTests : IAsyncLifetime
{
    private static readonly AccountLimits Limits = new()
    {
        JobsPerMinute = 10,
        JobsPerDay = 500,
        ImagesPerMinute = 40,
        ImagesPerDay = 2000,
        DailyImageQuota = 1500,
        MaxConcurrentJobs = 3,
    };

    private readonly StoreTestDatabase database = new();
    private MySqlAccountStore store = null!;
    private string accountId = null!;
    private string otherAccountId = null!;

    public async Task InitializeAsync()
    {
        await database.InitializeAsync();
        store = new MySqlAccountStore(database.Connections);
        accountId = await database.CreateAccountAsync("acme");
        otherAccountId = await database.CreateAccountAsync("globex");
        await database.Database.ExecuteAsync($"UPDATE ssnews_accounts SET created_at = '2025-01-01 08:00:00' WHERE account_id = '{accountId}'");
        await database.Database.ExecuteAsync($"UPDATE ssnews_accounts SET created_at = '2025-02-01 08:00:00' WHERE account_id = '{otherAccountId}'");
    }

    public Task DisposeAsync() => database.DisposeAsync();

    [Fact]
    public async Task An_account_reads_with_its_slug_and_creation_time()
    {
        var account = await store.GetAsync(accountId, CancellationToken.None);

        Assert.Equal("acme", account?.Slug);
        Assert.Equal(new DateTime(2025, 1, 1, 8, 0, 0, DateTimeKind.Utc), account?.CreatedAt);
        Assert.Equal(DateTimeKind.Utc, account?.CreatedAt?.Kind);
    }

    [Fact]
    public async Task Every_account_lists_oldest_first_with_its_own_limits()
    {
        await store.SetLimitsAsync(otherAccountId, Limits, CancellationToken.None);

        var accounts = await store.ListAsync(CancellationToken.None);

        Assert.Equal([accountId, otherAccountId], accounts.Select(a => a.AccountId));
        Assert.Equal(["acme", "globex"], accounts.Select(a => a.Slug));
        Assert.Equal(["Account acme", "Account globex"], accounts.Select(a => a.Name));
        Assert.Equal([null, 10], accounts.Select(a => a.JobsPerMinute));
        Assert.Equal([null, 3], accounts.Select(a => a.MaxConcurrentJobs));
        Assert.Equal(await store.GetAsync(otherAccountId, CancellationToken.None), accounts[1]);
    }

    [Fact]
    public async Task Setting_limits_replaces_all_six_so_a_limit_left_out_returns_to_the_service_default()
    {
        Assert.True(await store.SetLimitsAsync(accountId, Limits, CancellationToken.None));
        var first = await store.GetAsync(accountId, CancellationToken.None);
        Assert.Equal(
            (10, 500, 40, 2000, 1500, 3),
            (first!.JobsPerMinute, first.JobsPerDay, first.ImagesPerMinute, first.ImagesPerDay, first.DailyImageQuota, first.MaxConcurrentJobs));

        Assert.True(await store.SetLimitsAsync(accountId, new AccountLimits { ImagesPerDay = 100 }, CancellationToken.None));

        var second = await store.GetAsync(accountId, CancellationToken.None);
        Assert.Equal(
            ((int?)null, (int?)null, (int?)null, (int?)100, (int?)null, (int?)null),
            (second!.JobsPerMinute, second.JobsPerDay, second.ImagesPerMinute, second.ImagesPerDay, second.DailyImageQuota, second.MaxConcurrentJobs));
        Assert.Equal(1, await database.Database.CountAsync($"SELECT COUNT(*) FROM ssnews_account_job_limits WHERE account_id = '{accountId}'"));
    }

    [Fact]
    public async Task Setting_the_same_limits_again_still_reports_the_account_as_found()
    {
        Assert.True(await store.SetLimitsAsync(accountId, Limits, CancellationToken.None));

        Assert.True(await store.SetLimitsAsync(accountId, Limits, CancellationToken.None));
    }

    [Fact]
    public async Task Limits_of_one_account_leave_the_other_accounts_untouched()
    {
        await store.SetLimitsAsync(otherAccountId, new AccountLimits { JobsPerMinute = 99 }, CancellationToken.None);

        await store.SetLimitsAsync(accountId, Limits, CancellationToken.None);
        await store.SetActiveAsync(accountId, false, CancellationToken.None);

        var other = await store.GetAsync(otherAccountId, CancellationToken.None);
        Assert.Equal(99, other?.JobsPerMinute);
        Assert.Null(other?.MaxConcurrentJobs);
        Assert.True(other?.IsActive);
    }

    [Fact]
    public async Task An_unknown_account_gets_neither_limits_nor_a_state_change()
    {
        Assert.False(await store.SetLimitsAsync("no-such-account", Limits, CancellationToken.None));
        Assert.False(await store.SetActiveAsync("no-such-account", false, CancellationToken.None));

        Assert.Equal(0, await database.Database.CountAsync("SELECT COUNT(*) FROM ssnews_account_job_limits"));
    }

    [Fact]
    public async Task An_account_can_be_deactivated_and_activated_again()
    {
        Assert.True(await store.SetActiveAsync(accountId, false, CancellationToken.None));
        Assert.False((await store.GetAsync(accountId, CancellationToken.None))!.IsActive);
        Assert.True(await store.SetActiveAsync(accountId, false, CancellationToken.None));

        Assert.True(await store.SetActiveAsync(accountId, true, CancellationToken.None));

        Assert.True((await store.GetAsync(accountId, CancellationToken.None))!.IsActive);
    }

    [Fact]
    public async Task Accounts_list_when_the_older_systems_account_table_has_a_collation_of_its_own()
    {
        await store.SetLimitsAsync(accountId, Limits, CancellationToken.None);
        await database.Database.ExecuteAsync("""
            SET FOREIGN_KEY_CHECKS = 0;
            ALTER TABLE ssnews_accounts MODIFY account_id VARCHAR(36) CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci NOT NULL;
            SET FOREIGN_KEY_CHECKS = 1;
            """);

        var accounts = await store.ListAsync(CancellationToken.None);

        Assert.Equal([10, null], accounts.Select(a => a.JobsPerMinute));
    }
}
