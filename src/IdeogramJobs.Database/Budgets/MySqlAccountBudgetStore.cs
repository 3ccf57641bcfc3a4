using IdeogramJobs.Contracts.Budgets;
using IdeogramJobs.Contracts.Costs;
using IdeogramJobs.Database.Connections;
using IdeogramJobs.Database.Migrations.C360Req;
using IdeogramJobs.Database.Webhooks;
using MySqlConnector;

namespace IdeogramJobs.Database.Budgets;

/// <summary>
/// <see cref="IAccountBudgetStore"/> on ssnews_account_budgets, ssnews_job_billings and ssnews_jobs. The
/// standing is read in one statement from the tables, never from memory, so a reactivated account grain
/// sees exactly what was billed and reserved before.
/// </summary>
public sealed class MySqlAccountBudgetStore(C360ReqDatabase database, WebhookOutbox webhooks) : IAccountBudgetStore
{
    private const string JobType = M0004_ImageGenerationJobType.ImageGenerationJobType;

    public Task<BudgetStanding?> ReadStandingAsync(string accountId, DateTime monthStart, CancellationToken cancellationToken) =>
        ReadStandingAsync(accountId, monthStart, onlyBudgeted: false, cancellationToken);

    public Task<BudgetStanding?> ReadBudgetedStandingAsync(string accountId, DateTime monthStart, CancellationToken cancellationToken) =>
        ReadStandingAsync(accountId, monthStart, onlyBudgeted: true, cancellationToken);

    private async Task<BudgetStanding?> ReadStandingAsync(string accountId, DateTime monthStart, bool onlyBudgeted, CancellationToken cancellationToken)
    {
        // A job whose generation is saved has been billed (counted in spent), so it no longer reserves.
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var select = new MySqlCommand($"""
            SELECT b.monthly_budget_usd, b.threshold_percent,
                   (SELECT COALESCE(SUM(l.amount_usd), 0) FROM ssnews_job_billings l
                    WHERE l.account_id = a.account_id AND l.billed_at >= @month) AS spent_usd,
                   (SELECT COALESCE(SUM(j.estimate_usd), 0) FROM ssnews_jobs j
                    WHERE j.account_id = a.account_id AND j.job_type = @jobType AND j.status IN ('queued', 'processing')
                      AND NOT EXISTS (SELECT 1 FROM ssnews_job_generations g WHERE g.job_id = j.job_id)) AS reserved_usd
            FROM ssnews_accounts a
            LEFT JOIN ssnews_account_budgets b ON b.account_id = a.account_id
            WHERE a.account_id = @account{(onlyBudgeted ? " AND b.monthly_budget_usd IS NOT NULL" : string.Empty)}
            """, connection);
        select.Parameters.AddWithValue("account", accountId);
        select.Parameters.AddWithValue("month", monthStart);
        select.Parameters.AddWithValue("jobType", JobType);
        await using var reader = await select.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        return new BudgetStanding
        {
            Month = BudgetMonth.Name(monthStart),
            Budget = new AccountBudget
            {
                MonthlyBudgetUsd = reader.IsDBNull(0) ? null : Usd.Normalize(reader.GetDecimal(0)),
                ThresholdPercent = reader.IsDBNull(1) ? AccountBudget.DefaultThresholdPercent : reader.GetInt32(1),
            },
            SpentUsd = Usd.Normalize(reader.GetDecimal(2)),
            ReservedUsd = Usd.Normalize(reader.GetDecimal(3)),
        };
    }

    public async Task<bool> SetAsync(string accountId, AccountBudget budget, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var upsert = new MySqlCommand("""
            INSERT INTO ssnews_account_budgets (account_id, monthly_budget_usd, threshold_percent, updated_at)
            SELECT a.account_id, @budget, @threshold, UTC_TIMESTAMP(3) FROM ssnews_accounts a WHERE a.account_id = @account
            ON DUPLICATE KEY UPDATE monthly_budget_usd = VALUES(monthly_budget_usd),
                threshold_percent = VALUES(threshold_percent), updated_at = VALUES(updated_at)
            """, connection);
        upsert.Parameters.AddWithValue("account", accountId);
        upsert.Parameters.AddWithValue("budget", budget.MonthlyBudgetUsd);
        upsert.Parameters.AddWithValue("threshold", budget.ThresholdPercent);
        return await upsert.ExecuteNonQueryAsync(cancellationToken) > 0;
    }

    public async Task<bool> TryRecordAlertAsync(BudgetAlert alert, CancellationToken cancellationToken)
    {
        // The alert row and its webhook deliveries are written together: the event is sent exactly when it is recorded.
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (!await BudgetAlertRecord.TryRecordAsync(connection, transaction, webhooks, alert, cancellationToken))
        {
            return false;
        }

        await transaction.CommitAsync(cancellationToken);
        return true;
    }
}
