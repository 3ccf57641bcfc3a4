using IdeogramJobs.Contracts.Budgets;
using IdeogramJobs.Database.Webhooks;
using MySqlConnector;

namespace IdeogramJobs.Database.Budgets;

/// <summary>
/// Writes a threshold alert and queues its budget.threshold_reached webhook in the caller's transaction.
/// The row is unique per account, month and threshold, so whichever writer (admission or a billing,
/// on any silo) inserts it first is the only one that queues the webhook.
/// </summary>
public static class BudgetAlertRecord
{
    /// <summary>True when this call recorded the alert; false when the month already has it.</summary>
    public static async Task<bool> TryRecordAsync(MySqlConnection connection, MySqlTransaction transaction, WebhookOutbox webhooks, BudgetAlert alert, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(alert);
        await using var insert = new MySqlCommand("""
            INSERT IGNORE INTO ssnews_budget_alerts (account_id, month, threshold_percent, budget_usd, committed_usd, job_id, raised_at)
            VALUES (@account, @month, @threshold, @budget, @committed, @job, @at)
            """, connection, transaction);
        insert.Parameters.AddWithValue("account", alert.AccountId);
        insert.Parameters.AddWithValue("month", alert.Month);
        insert.Parameters.AddWithValue("threshold", alert.ThresholdPercent);
        insert.Parameters.AddWithValue("budget", alert.BudgetUsd);
        insert.Parameters.AddWithValue("committed", alert.CommittedUsd);
        insert.Parameters.AddWithValue("job", alert.JobId);
        insert.Parameters.AddWithValue("at", alert.At);
        if (await insert.ExecuteNonQueryAsync(cancellationToken) != 1)
        {
            return false;
        }

        await webhooks.EnqueueAccountEventAsync(alert.AccountId, WebhookEventTypes.BudgetThresholdReached, BudgetAlertPayload.Json(alert), transaction, cancellationToken);
        return true;
    }
}
