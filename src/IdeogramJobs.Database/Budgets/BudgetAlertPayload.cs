using System.Text.Json.Nodes;
using IdeogramJobs.Contracts.Budgets;

namespace IdeogramJobs.Database.Budgets;

/// <summary>The <c>data</c> of a budget.threshold_reached webhook, named as the account event stream names it.</summary>
public static class BudgetAlertPayload
{
    public static string Json(BudgetAlert alert) => new JsonObject
    {
        ["accountId"] = alert.AccountId,
        ["month"] = alert.Month,
        ["thresholdPercent"] = alert.ThresholdPercent,
        ["budgetUsd"] = alert.BudgetUsd,
        ["committedUsd"] = alert.CommittedUsd,
        ["jobId"] = alert.JobId,
        ["at"] = alert.At,
    }.ToJsonString();
}
