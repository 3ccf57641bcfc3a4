using System.Globalization;
using IdeogramJobs.Contracts.Budgets;
using IdeogramJobs.Contracts.Jobs;

namespace IdeogramJobs.Grains.Budgets;

/// <summary>How a budget refusal is answered to the submitter.</summary>
public static class BudgetRefusals
{
    public static SubmissionResult ToResult(BudgetRefusal refusal)
    {
        ArgumentNullException.ThrowIfNull(refusal);
        return new SubmissionResult
        {
            Outcome = SubmissionOutcome.BudgetExceeded,
            Budget = refusal,
            Message = string.Create(CultureInfo.InvariantCulture,
                $"The job would cost {refusal.JobCostUsd:0.####} USD, but the account has spent {refusal.SpentUsd:0.####} USD and reserved {refusal.ReservedUsd:0.####} USD of its {refusal.BudgetUsd:0.##} USD budget for {refusal.Month}."),
        };
    }
}
