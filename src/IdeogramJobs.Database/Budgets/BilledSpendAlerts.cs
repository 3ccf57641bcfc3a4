using System.Globalization;
using IdeogramJobs.Contracts.Budgets;
using IdeogramJobs.Contracts.Costs;
using IdeogramJobs.Database.Columns;
using IdeogramJobs.Database.Webhooks;
using Microsoft.Extensions.Logging;
using MySqlConnector;

namespace IdeogramJobs.Database.Budgets;

/// <summary>
/// When what Ideogram billed for a generation brings the account's billed spend for the month to its budget
/// threshold, records the threshold alert and its webhook: spend that crosses the threshold raises it when it is
/// billed, not at the next admission. The check runs as soon as the billing has committed, in a transaction of its
/// own that takes the account's budget row lock first, so the checks of concurrent billings (on any silo) run one
/// after another and each sees every billing committed before it; the alert row's unique key leaves one alert per
/// account, month and threshold whichever path (admission or a billing) gets there first. A silo that stops between
/// a billing and its check leaves the alert to the next admission over the threshold.
/// </summary>
public sealed class BilledSpendAlerts(WebhookOutbox webhooks, ILogger<BilledSpendAlerts> logger, IBudgetAlertAnnouncer? announcer = null)
{
    /// <summary>
    /// A select-list column over ssnews_jobs aliased j: whether the job's account has a monthly budget, so that a
    /// billing of it calls for <see cref="RaiseIfCrossedAsync"/>.
    /// </summary>
    public const string Budgeted = """
        EXISTS (SELECT 1 FROM ssnews_account_budgets b WHERE b.account_id = j.account_id AND b.monthly_budget_usd IS NOT NULL) AS budgeted
        """;

    /// <summary>
    /// After a billing of job <paramref name="jobId"/> committed: when the month's billed spend of its account now
    /// reaches the budget's threshold, records the alert and its webhook, and announces it; returns the alert when this
    /// call raised it. Never throws: the billing is committed, and a saving retried because its alert failed would
    /// bill again; an alert not written here is raised by the next admission over the threshold.
    /// </summary>
    public async Task<BudgetAlert?> RaiseIfCrossedAsync(MySqlConnection connection, long jobId)
    {
        ArgumentNullException.ThrowIfNull(connection);
        BudgetAlert? alert;
        try
        {
            await using var transaction = await connection.BeginTransactionAsync(CancellationToken.None);
            alert = await LockBudgetAsync(connection, transaction, jobId, CancellationToken.None) is { } budget
                ? await RecordIfCrossedAsync(connection, transaction, budget, jobId, CancellationToken.None)
                : null;
            await transaction.CommitAsync(CancellationToken.None);
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Job {JobId}: whether its billing reached its account's budget threshold could not be checked; the next admission over the threshold raises the alert", jobId);
            return null;
        }

        await AnnounceAsync(alert);
        return alert;
    }

    /// <summary>
    /// Publishes an alert after its transaction committed. The billing stands whatever happens here: the alert row
    /// and its webhook are already durable.
    /// </summary>
    private async Task AnnounceAsync(BudgetAlert? alert)
    {
        if (alert is null || announcer is null)
        {
            return;
        }

        try
        {
            await announcer.AnnounceAsync(alert, CancellationToken.None);
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Account {AccountId}: the budget threshold alert raised by billing job {JobId} could not be announced", alert.AccountId, alert.JobId);
        }
    }

    /// <summary>The budget of the job's account, its row locked until the transaction ends, with the database's clock (the one billed_at is written with); null when none.</summary>
    private static async Task<LockedBudget?> LockBudgetAsync(MySqlConnection connection, MySqlTransaction transaction, long jobId, CancellationToken cancellationToken)
    {
        await using var select = new MySqlCommand("""
            SELECT b.account_id, b.monthly_budget_usd, b.threshold_percent, UTC_TIMESTAMP(3) AS now
            FROM ssnews_account_budgets b
            WHERE b.account_id = (SELECT j.account_id FROM ssnews_jobs j WHERE j.job_id = @job) AND b.monthly_budget_usd IS NOT NULL
            FOR UPDATE
            """, connection, transaction);
        select.Parameters.AddWithValue("job", jobId);
        await using var reader = await select.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new LockedBudget(
                reader.GetString("account_id"),
                new AccountBudget { MonthlyBudgetUsd = Usd.Normalize(reader.GetDecimal("monthly_budget_usd")), ThresholdPercent = reader.GetInt32("threshold_percent") },
                reader.GetUtcDateTime("now"))
            : null;
    }

    private async Task<BudgetAlert?> RecordIfCrossedAsync(MySqlConnection connection, MySqlTransaction transaction, LockedBudget budget, long jobId, CancellationToken cancellationToken)
    {
        var monthStart = BudgetMonth.Start(budget.Now);
        var spent = await BilledSinceAsync(connection, transaction, budget.AccountId, monthStart, cancellationToken);
        if (!budget.Budget.ThresholdReachedBy(spent))
        {
            return null;
        }

        var alert = new BudgetAlert
        {
            AccountId = budget.AccountId,
            Month = BudgetMonth.Name(monthStart),
            ThresholdPercent = budget.Budget.ThresholdPercent,
            BudgetUsd = budget.Budget.MonthlyBudgetUsd!.Value,
            CommittedUsd = spent,
            JobId = jobId,
            At = budget.Now,
        };
        return await BudgetAlertRecord.TryRecordAsync(connection, transaction, webhooks, alert, cancellationToken) ? alert : null;
    }

    /// <summary>
    /// The account's billings since the month began. A locking read: it sees every billing committed before the
    /// budget lock was granted, whenever this transaction's snapshot was taken.
    /// </summary>
    private static async Task<decimal> BilledSinceAsync(MySqlConnection connection, MySqlTransaction transaction, string accountId, DateTime monthStart, CancellationToken cancellationToken)
    {
        await using var sum = new MySqlCommand("""
            SELECT COALESCE(SUM(l.amount_usd), 0) FROM ssnews_job_billings l
            WHERE l.account_id = @account AND l.billed_at >= @month
            LOCK IN SHARE MODE
            """, connection, transaction);
        sum.Parameters.AddWithValue("account", accountId);
        sum.Parameters.AddWithValue("month", monthStart);
        return Usd.Normalize(Convert.ToDecimal(await sum.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture));
    }

    /// <summary>An account's budget, its row locked until the transaction ends, and the database's clock when it was.</summary>
    private sealed record LockedBudget(string AccountId, AccountBudget Budget, DateTime Now);
}
