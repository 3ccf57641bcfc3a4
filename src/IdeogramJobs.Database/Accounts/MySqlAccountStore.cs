using IdeogramJobs.Database.Columns;
using IdeogramJobs.Database.Connections;
using MySqlConnector;

namespace IdeogramJobs.Database.Accounts;

/// <summary><see cref="IAccountStore"/> on ssnews_accounts, ssnews_account_job_limits and ssnews_job_admission_rejections.</summary>
public sealed class MySqlAccountStore(C360ReqDatabase database) : IAccountStore
{
    private const int LimitNameChars = 64;
    private const int JobTypeNameChars = 100;

    public async Task<AccountRecord?> GetAsync(string accountId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);

        // The limits row is joined on the parameter rather than on a.account_id: the older system's
        // ssnews_accounts may carry a collation of its own, and comparing two columns of different
        // collations is an error, while comparing each with the parameter is not.
        await using var select = new MySqlCommand("""
            SELECT a.account_id, a.organization_id, a.name, a.is_active,
                   l.jobs_per_minute, l.jobs_per_day, l.images_per_minute, l.images_per_day,
                   l.daily_image_quota, l.max_concurrent_jobs
            FROM ssnews_accounts a
            LEFT JOIN ssnews_account_job_limits l ON l.account_id = @account
            WHERE a.account_id = @account
            """, connection);
        select.Parameters.AddWithValue("account", accountId);
        await using var reader = await select.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        return new AccountRecord
        {
            AccountId = reader.GetString("account_id"),
            OrganizationId = reader.GetString("organization_id"),
            Name = reader.GetString("name"),
            // The column is nullable with a TRUE default: only an explicit FALSE deactivates.
            IsActive = reader.GetNullableBoolean("is_active") ?? true,
            JobsPerMinute = reader.GetNullableInt32("jobs_per_minute"),
            JobsPerDay = reader.GetNullableInt32("jobs_per_day"),
            ImagesPerMinute = reader.GetNullableInt32("images_per_minute"),
            ImagesPerDay = reader.GetNullableInt32("images_per_day"),
            DailyImageQuota = reader.GetNullableInt32("daily_image_quota"),
            MaxConcurrentJobs = reader.GetNullableInt32("max_concurrent_jobs"),
        };
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
}
