using System.Globalization;
using IdeogramJobs.Contracts.Budgets;
using IdeogramJobs.Contracts.Costs;
using IdeogramJobs.Database.Columns;
using IdeogramJobs.Database.Costs;
using IdeogramJobs.Database.Webhooks;
using Microsoft.Extensions.Logging;
using MySqlConnector;

namespace IdeogramJobs.Database.Budgets;

/// <summary>
/// When what Ideogram billed for a generation brings the account's billed spend for the month to its budget
/// threshold, records the threshold alert and its webhook in the billing's transaction:
/// spend that crosses the threshold raises it when it is billed, not at the next admission. Billings of an
/// account with a budget take its budget row's lock first, so concurrent ones (on any silo) add up one
/// after another, and the alert row's unique key leaves one alert per account, month and threshold
/// whichever path (admission or billing) gets there first.
/// </summary>
public sealed class BilledSpendAlerts(WebhookOutbox webhooks, ILogger<BilledSpendAlerts> logger, IBudgetAlertAnnouncer? announcer = null)
{
    /// <summary>
    /// A select list and join over ssnews_jobs aliased j for a locking read (FOR UPDATE) of the job's row: the
    /// budget of its account beside it, locked too, in columns that are null when the account has none. Read them
    /// with <see cref="ReadLocked"/>.
    /// </summary>
    public const string LockBudgetColumns = "b.account_id AS budget_account_id, b.monthly_budget_usd, b.threshold_percent, UTC_TIMESTAMP(3) AS now";

    /// <inheritdoc cref="LockBudgetColumns"/>
    public const string LockBudgetJoin = "LEFT JOIN ssnews_account_budgets b ON b.account_id = j.account_id AND b.monthly_budget_usd IS NOT NULL";

    /// <summary>The budget a row read with <see cref="LockBudgetColumns"/> locked, with the database's clock (the one billed_at is written with); null when none.</summary>
    public static LockedBudget? ReadLocked(MySqlDataReader reader) =>
        reader.GetNullableString("budget_account_id") is { } accountId
            ? new LockedBudget(
                accountId,
                new AccountBudget { MonthlyBudgetUsd = Usd.Normalize(reader.GetDecimal("monthly_budget_usd")), ThresholdPercent = reader.GetInt32("threshold_percent") },
                reader.GetUtcDateTime("now"))
            : null;

    /// <summary>
    /// After the billing, in its transaction (begun by the caller's batch when <paramref name="transaction"/> is null): when the month's billed spend of the locked budget's account now
    /// reaches the threshold, records the alert and its webhook; returns the alert when this billing raised it
    /// (announce it with <see cref="AnnounceAsync"/> once the transaction commits).
    /// </summary>
    public async Task<BudgetAlert?> RaiseIfCrossedAsync(MySqlConnection connection, MySqlTransaction? transaction, LockedBudget budget, long jobId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(budget);
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
    /// Publishes an alert <see cref="RecordBillingAsync"/> raised, after its transaction committed. The billing
    /// stands whatever happens here: the alert row and its webhook are already durable.
    /// </summary>
    public async Task AnnounceAsync(BudgetAlert? alert)
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

    /// <summary>
    /// The account's billings since the month began, this one included. A locking read: it sees every billing
    /// committed before the budget lock was granted, whenever this transaction's snapshot was taken.
    /// </summary>
    private static async Task<decimal> BilledSinceAsync(MySqlConnection connection, MySqlTransaction? transaction, string accountId, DateTime monthStart, CancellationToken cancellationToken)
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
    public sealed record LockedBudget(string AccountId, AccountBudget Budget, DateTime Now);
}
