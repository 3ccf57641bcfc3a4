using IdeogramJobs.Contracts.Budgets;

namespace IdeogramJobs.Grains.Budgets;

/// <summary>
/// Whether a job of a given cost fits the account's month: refused when billed + reserved + the job
/// would go over the budget, and whether admitting it reaches the soft threshold. Pure, so the rule
/// is unit-tested apart from the grain that reads the figures.
/// </summary>
public sealed record BudgetDecision(bool Admitted, BudgetRefusal? Refusal, bool ReachesThreshold, decimal CommittedUsd, BudgetStanding? Standing)
{
    /// <summary>An account without a budget: every job fits.</summary>
    public static BudgetDecision Unbudgeted(decimal jobCostUsd) => new(true, null, false, jobCostUsd, null);

    public static BudgetDecision For(BudgetStanding standing, decimal jobCostUsd)
    {
        ArgumentNullException.ThrowIfNull(standing);
        var committed = standing.SpentUsd + standing.ReservedUsd + jobCostUsd;
        if (standing.Budget.MonthlyBudgetUsd is not { } budget)
        {
            return new BudgetDecision(true, null, false, committed, standing);
        }

        if (committed > budget)
        {
            return new BudgetDecision(false, new BudgetRefusal
            {
                Month = standing.Month,
                BudgetUsd = budget,
                SpentUsd = standing.SpentUsd,
                ReservedUsd = standing.ReservedUsd,
                JobCostUsd = jobCostUsd,
            }, false, committed, standing);
        }

        return new BudgetDecision(true, null, standing.Budget.ThresholdReachedBy(committed), committed, standing);
    }
}
