using System.Text.Json;
using IdeogramJobs.Contracts.Admin;
using IdeogramJobs.Database.Accounts;
using IdeogramJobs.Database.Seeding;
using IdeogramJobs.Database.Tenancy;
using Microsoft.Extensions.Logging.Abstractions;

namespace IdeogramJobs.Database.Tests.Accounts;

public sealed class ApiKeyStoreTests : IAsyncLifetime
{
    private readonly StoreTestDatabase database = new();
    private MySqlApiKeyStore store = null!;
    private string accountId = null!;
    private string otherAccountId = null!;

    public async Task InitializeAsync()
    {
        await database.InitializeAsync();
        store = new MySqlApiKeyStore(database.Connections);
        accountId = await database.CreateAccountAsync("acme");
        otherAccountId = await database.CreateAccountAsync("globex");
    }

    public Task DisposeAsync() => database.DisposeAsync();

    [Fact]
    public async Task An_issued_key_is_found_by_its_hash_with_its_account_and_role_and_only_the_hash_is_stored()
    {
        var issued = await store.IssueAsync(accountId, "CI pipeline", ApiKeyRole.Admin, CancellationToken.None);

        Assert.NotNull(issued);
        Assert.StartsWith(ApiKey.Prefix, issued.Key);
        Assert.Equal(ApiKey.DisplayPrefix(issued.Key), issued.Prefix);
        Assert.Equal((accountId, "CI pipeline", ApiKeyRole.Admin), (issued.AccountId, issued.Name, issued.Role));
        Assert.Equal(
            new ApiKeyIdentity(issued.KeyId, accountId, ApiKeyRole.Admin, AccountIsActive: true),
            await store.FindAsync(ApiKey.Hash(issued.Key), CancellationToken.None));
        var row = Assert.Single(await database.Database.QueryAsync($"SELECT * FROM ssnews_api_keys WHERE key_id = {issued.KeyId}"));
        Assert.Equal(ApiKey.Hash(issued.Key), row["key_hash"]);
        Assert.Equal("admin", row["role"]);
        Assert.DoesNotContain(row.Values, v => v is not null && v.Contains(issued.Key, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Every_issued_key_is_different_and_an_unknown_hash_finds_nothing()
    {
        var first = await store.IssueAsync(accountId, "one", ApiKeyRole.User, CancellationToken.None);
        var second = await store.IssueAsync(accountId, "two", ApiKeyRole.User, CancellationToken.None);

        Assert.NotEqual(first!.Key, second!.Key);
        Assert.NotEqual(first.KeyId, second.KeyId);
        Assert.Null(await store.FindAsync(ApiKey.Hash(ApiKey.Generate()), CancellationToken.None));
    }

    [Fact]
    public async Task No_key_is_issued_for_an_account_that_does_not_exist()
    {
        Assert.Null(await store.IssueAsync("no-such-account", "ghost", ApiKeyRole.Admin, CancellationToken.None));
        Assert.Equal(0, await database.Database.CountAsync("SELECT COUNT(*) FROM ssnews_api_keys"));
    }

    [Fact]
    public async Task A_revoked_key_is_no_longer_found_and_revoking_it_again_keeps_the_first_time()
    {
        var issued = (await store.IssueAsync(accountId, "laptop", ApiKeyRole.User, CancellationToken.None))!;

        Assert.True(await store.RevokeAsync(accountId, issued.KeyId, CancellationToken.None));

        Assert.Null(await store.FindAsync(ApiKey.Hash(issued.Key), CancellationToken.None));
        await database.Database.ExecuteAsync($"UPDATE ssnews_api_keys SET revoked_at = '2025-01-01 00:00:00' WHERE key_id = {issued.KeyId}");
        Assert.True(await store.RevokeAsync(accountId, issued.KeyId, CancellationToken.None));
        Assert.Equal(new DateTime(2025, 1, 1), Assert.Single(await store.ListAsync(accountId, CancellationToken.None)).RevokedAt);
    }

    [Fact]
    public async Task Another_account_cannot_revoke_or_list_a_key_it_does_not_own()
    {
        var issued = (await store.IssueAsync(accountId, "laptop", ApiKeyRole.User, CancellationToken.None))!;

        Assert.False(await store.RevokeAsync(otherAccountId, issued.KeyId, CancellationToken.None));
        Assert.False(await store.RevokeAsync(accountId, issued.KeyId + 1000, CancellationToken.None));

        Assert.NotNull(await store.FindAsync(ApiKey.Hash(issued.Key), CancellationToken.None));
        Assert.Empty(await store.ListAsync(otherAccountId, CancellationToken.None));
    }

    [Fact]
    public async Task The_key_list_shows_name_prefix_role_and_times_but_never_the_key_or_its_hash()
    {
        var live = (await store.IssueAsync(accountId, "CI pipeline", ApiKeyRole.Admin, CancellationToken.None))!;
        var revoked = (await store.IssueAsync(accountId, "old laptop", ApiKeyRole.User, CancellationToken.None))!;
        await store.RevokeAsync(accountId, revoked.KeyId, CancellationToken.None);
        await store.TouchAsync(live.KeyId, CancellationToken.None);

        var keys = await store.ListAsync(accountId, CancellationToken.None);

        Assert.Equal([live.KeyId, revoked.KeyId], keys.Select(k => k.KeyId));
        Assert.Equal(["CI pipeline", "old laptop"], keys.Select(k => k.Name));
        Assert.Equal([live.Prefix, revoked.Prefix], keys.Select(k => k.Prefix));
        Assert.Equal([ApiKeyRole.Admin, ApiKeyRole.User], keys.Select(k => k.Role));
        Assert.All(keys, k => Assert.InRange(k.CreatedAt, DateTime.UtcNow.AddMinutes(-2), DateTime.UtcNow.AddMinutes(2)));
        Assert.NotNull(keys[0].LastUsedAt);
        Assert.Null(keys[0].RevokedAt);
        Assert.Null(keys[1].LastUsedAt);
        Assert.NotNull(keys[1].RevokedAt);
        var shown = JsonSerializer.Serialize(keys) + string.Join(" ", keys);
        foreach (var secret in new[] { live.Key, revoked.Key, ApiKey.Hash(live.Key), ApiKey.Hash(revoked.Key) })
        {
            Assert.DoesNotContain(secret, shown, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task An_issued_keys_text_form_names_it_without_showing_the_key()
    {
        var issued = (await store.IssueAsync(accountId, "CI pipeline", ApiKeyRole.User, CancellationToken.None))!;

        var text = issued.ToString();

        Assert.Contains(issued.Prefix, text, StringComparison.Ordinal);
        Assert.DoesNotContain(issued.Key, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Using_a_key_records_when_it_was_last_used()
    {
        var issued = (await store.IssueAsync(accountId, "laptop", ApiKeyRole.User, CancellationToken.None))!;
        Assert.Null(Assert.Single(await store.ListAsync(accountId, CancellationToken.None)).LastUsedAt);

        await store.TouchAsync(issued.KeyId, CancellationToken.None);

        var lastUsed = Assert.Single(await store.ListAsync(accountId, CancellationToken.None)).LastUsedAt;
        Assert.NotNull(lastUsed);
        Assert.Equal(DateTimeKind.Utc, lastUsed.Value.Kind);
        Assert.InRange(lastUsed.Value, DateTime.UtcNow.AddMinutes(-2), DateTime.UtcNow.AddMinutes(2));
    }

    [Fact]
    public async Task A_key_of_a_deactivated_account_is_found_with_the_account_marked_inactive()
    {
        var issued = (await store.IssueAsync(accountId, "laptop", ApiKeyRole.User, CancellationToken.None))!;
        await database.Database.ExecuteAsync($"UPDATE ssnews_accounts SET is_active = FALSE WHERE account_id = '{accountId}'");

        var identity = await store.FindAsync(ApiKey.Hash(issued.Key), CancellationToken.None);

        Assert.Equal(new ApiKeyIdentity(issued.KeyId, accountId, ApiKeyRole.User, AccountIsActive: false), identity);
    }

    [Fact]
    public async Task A_key_stored_before_keys_had_roles_is_a_user_key()
    {
        var key = ApiKey.Generate();
        await database.Database.ExecuteAsync($"""
            INSERT INTO ssnews_api_keys (account_id, name, key_prefix, key_hash)
            VALUES ('{accountId}', 'seeded', '{ApiKey.DisplayPrefix(key)}', '{ApiKey.Hash(key)}')
            """);

        var identity = await store.FindAsync(ApiKey.Hash(key), CancellationToken.None);

        Assert.Equal(ApiKeyRole.User, identity?.Role);
    }

    [Fact]
    public async Task Keys_are_found_when_the_older_systems_account_table_has_a_collation_of_its_own()
    {
        await database.Database.ExecuteAsync("""
            SET FOREIGN_KEY_CHECKS = 0;
            ALTER TABLE ssnews_accounts MODIFY account_id VARCHAR(36) CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci NOT NULL;
            SET FOREIGN_KEY_CHECKS = 1;
            """);
        var issued = (await store.IssueAsync(accountId, "laptop", ApiKeyRole.User, CancellationToken.None))!;

        Assert.Equal(accountId, (await store.FindAsync(ApiKey.Hash(issued.Key), CancellationToken.None))?.AccountId);
    }
}
