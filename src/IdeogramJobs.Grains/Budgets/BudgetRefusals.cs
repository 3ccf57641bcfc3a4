using System.Globalization;
using IdeogramJobs.Contracts.Budgets;
using IdeogramJobs.Contracts.Jobs;
using Microsoft.Extensions.Logging;

namespace IdeogramJobs.Grains.Budgets;

/// <summary>How a budget refusal is answered to the submitter.</summary>
public static class BudgetRefusals
{
    public static SubmissionResult ToResult(BudgetRefusal refusal, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(refusal);
        logger.LogInformation("Submission refused by the monthly budget of {BudgetUsd} USD for {Month}", refusal.BudgetUsd, refusal.Month);
        return new SubmissionResult
        {
            Outcome = SubmissionOutcome.BudgetExceeded,
            Budget = refusal,
            Message = string.Create(CultureInfo.InvariantCulture,
                $"The job would cost {refusal.JobCostUsd:0.####} USD, but the account has spent {refusal.SpentUsd:0.####} USD and reserved {refusal.ReservedUsd:0.####} USD of its {refusal.BudgetUsd:0.##} USD budget for {refusal.Month}."),
        };
    }
}
