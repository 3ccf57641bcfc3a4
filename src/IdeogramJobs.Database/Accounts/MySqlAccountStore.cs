using IdeogramJobs.Contracts.Accounts;
using IdeogramJobs.Database.Columns;
using IdeogramJobs.Database.Connections;
using MySqlConnector;

namespace IdeogramJobs.Database.Accounts;

/// <summary><see cref="IAccountStore"/> on ssnews_accounts, ssnews_account_job_limits and ssnews_job_admission_rejections.</summary>
public sealed class MySqlAccountStore(C360ReqDatabase database) : IAccountStore
{
    private const int LimitNameChars = 64;
    private const int JobTypeNameChars = 100;

    private const string AccountColumns = """
        a.account_id, a.organization_id, a.name, a.slug, a.is_active, a.created_at,
        l.jobs_per_minute, l.jobs_per_day, l.images_per_minute, l.images_per_day,
        l.daily_image_quota, l.max_concurrent_jobs
        """;

    public async Task<AccountRecord?> GetAsync(string accountId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);

        // The limits row is joined on the parameter rather than on a.account_id: the older system's
        // ssnews_accounts may carry a collation of its own, and comparing two columns of different
        // collations is an error, while comparing each with the parameter is not.
        await using var select = new MySqlCommand($"""
            SELECT {AccountColumns}
            FROM ssnews_accounts a
            LEFT JOIN ssnews_account_job_limits l ON l.account_id = @account
            WHERE a.account_id = @account
            """, connection);
        select.Parameters.AddWithValue("account", accountId);
        await using var reader = await select.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? ReadAccount(reader) : null;
    }

    /// <summary>Every account, oldest first.</summary>
    public async Task<IReadOnlyList<AccountRecord>> ListAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var select = new MySqlCommand($"""
            SELECT {AccountColumns}
            FROM ssnews_accounts a
            LEFT JOIN ssnews_account_job_limits l ON l.account_id COLLATE {ServiceCollation.Name} = a.account_id
            ORDER BY a.created_at, a.account_id
            """, connection);
        await using var reader = await select.ExecuteReaderAsync(cancellationToken);
        var accounts = new List<AccountRecord>();
        while (await reader.ReadAsync(cancellationToken))
        {
            accounts.Add(ReadAccount(reader));
        }

        return accounts;
    }

    public async Task<bool> SetActiveAsync(string accountId, bool isActive, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var update = new MySqlCommand(
            "UPDATE ssnews_accounts SET is_active = @active WHERE account_id = @account", connection);
        update.Parameters.AddWithValue("active", isActive);
        update.Parameters.AddWithValue("account", accountId);

        // The driver reports matched rows, so setting the current state again still says the account exists.
        return await update.ExecuteNonQueryAsync(cancellationToken) > 0;
    }

    public async Task<bool> SetLimitsAsync(string accountId, AccountLimits limits, CancellationToken cancellationToken)
    {
        // Written only when the account exists, in the one statement; every column is replaced, so a
        // limit left out returns to the service default.
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var upsert = new MySqlCommand("""
            INSERT INTO ssnews_account_job_limits
                (account_id, jobs_per_minute, jobs_per_day, images_per_minute, images_per_day, daily_image_quota, max_concurrent_jobs)
            SELECT @account, @jobsPerMinute, @jobsPerDay, @imagesPerMinute, @imagesPerDay, @dailyImageQuota, @maxConcurrentJobs
            FROM ssnews_accounts a WHERE a.account_id = @account
            ON DUPLICATE KEY UPDATE
                jobs_per_minute = @jobsPerMinute, jobs_per_day = @jobsPerDay,
                images_per_minute = @imagesPerMinute, images_per_day = @imagesPerDay,
                daily_image_quota = @dailyImageQuota, max_concurrent_jobs = @maxConcurrentJobs
            """, connection);
        upsert.Parameters.AddWithValue("account", accountId);
        upsert.Parameters.AddWithValue("jobsPerMinute", limits.JobsPerMinute);
        upsert.Parameters.AddWithValue("jobsPerDay", limits.JobsPerDay);
        upsert.Parameters.AddWithValue("imagesPerMinute", limits.ImagesPerMinute);
        upsert.Parameters.AddWithValue("imagesPerDay", limits.ImagesPerDay);
        upsert.Parameters.AddWithValue("dailyImageQuota", limits.DailyImageQuota);
        upsert.Parameters.AddWithValue("maxConcurrentJobs", limits.MaxConcurrentJobs);
        return await upsert.ExecuteNonQueryAsync(cancellationToken) > 0;
    }

    public async Task RecordRejectionAsync(string accountId, string limit, string? jobTypeName, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var insert = new MySqlCommand("""
            INSERT INTO ssnews_job_admission_rejections (account_id, limit_name, job_type_name, occurred_at)
            VALUES (@account, @limit, @jobType, UTC_TIMESTAMP(3))
            """, connection);
        insert.Parameters.AddWithValue("account", accountId);
        insert.Parameters.AddWithValue("limit", ColumnText.Cut(limit, LimitNameChars));
        insert.Parameters.AddWithValue("jobType", ColumnText.CutOrNull(jobTypeName, JobTypeNameChars));
        await insert.ExecuteNonQueryAsync(cancellationToken);
    }

    private static AccountRecord ReadAccount(MySqlDataReader reader) => new()
    {
        AccountId = reader.GetString("account_id"),
        OrganizationId = reader.GetString("organization_id"),
        Name = reader.GetString("name"),
        Slug = reader.GetNullableString("slug"),
        // The column is nullable with a TRUE default: only an explicit FALSE deactivates.
        IsActive = reader.GetNullableBoolean("is_active") ?? true,
        CreatedAt = reader.GetNullableUtcDateTime("created_at"),
        JobsPerMinute = reader.GetNullableInt32("jobs_per_minute"),
        JobsPerDay = reader.GetNullableInt32("jobs_per_day"),
        ImagesPerMinute = reader.GetNullableInt32("images_per_minute"),
        ImagesPerDay = reader.GetNullableInt32("images_per_day"),
        DailyImageQuota = reader.GetNullableInt32("daily_image_quota"),
        MaxConcurrentJobs = reader.GetNullableInt32("max_concurrent_jobs"),
    };
}
