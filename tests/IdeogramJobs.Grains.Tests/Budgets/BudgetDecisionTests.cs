using IdeogramJobs.Contracts.Budgets;
using IdeogramJobs.Grains.Budgets;

namespace IdeogramJobs.Grains.Tests.Budgets;

public sealed class BudgetDecisionTests
{
    private static BudgetStanding Standing(decimal? budget, decimal spent, decimal reserved, int threshold = 80) => new()
    {
        Month = "2026-12",
        Budget = new AccountBudget { MonthlyBudgetUsd = budget, ThresholdPercent = threshold },
        SpentUsd = spent,
        ReservedUsd = reserved,
    };

    [Fact]
    public void Without_a_budget_every_job_is_admitted_and_no_threshold_is_reached()
    {
        var decision = BudgetDecision.For(Standing(null, 1_000m, 500m), 10m);

        Assert.True(decision.Admitted);
        Assert.False(decision.ReachesThreshold);
    }

    [Fact]
    public void A_job_that_takes_spent_plus_reserved_over_the_budget_is_refused_with_the_figures()
    {
        var decision = BudgetDecision.For(Standing(10m, 6m, 3.5m), 0.6m);

        Assert.False(decision.Admitted);
        Assert.Equal(new BudgetRefusal { Month = "2026-12", BudgetUsd = 10m, SpentUsd = 6m, ReservedUsd = 3.5m, JobCostUsd = 0.6m }, decision.Refusal);
        Assert.False(decision.ReachesThreshold);
    }

    [Fact]
    public void A_job_that_uses_the_budget_exactly_is_admitted()
    {
        var decision = BudgetDecision.For(Standing(10m, 6m, 3.5m), 0.5m);

        Assert.True(decision.Admitted);
        Assert.Equal(10m, decision.CommittedUsd);
    }

    [Theory]
    [InlineData(7.9, false)]
    [InlineData(8.0, true)]
    [InlineData(9.0, true)]
    public void The_threshold_is_reached_when_committed_spend_is_at_or_above_its_share_of_the_budget(double committedAfter, bool reached)
    {
        var decision = BudgetDecision.For(Standing(10m, 5m, 0m), (decimal)committedAfter - 5m);

        Assert.True(decision.Admitted);
        Assert.Equal(reached, decision.ReachesThreshold);
    }

    [Fact]
    public void A_lower_threshold_percent_is_reached_sooner()
    {
        Assert.True(BudgetDecision.For(Standing(10m, 4m, 0m, threshold: 50), 1m).ReachesThreshold);
        Assert.False(BudgetDecision.For(Standing(10m, 4m, 0m, threshold: 80), 1m).ReachesThreshold);
    }

    [Fact]
    public void A_zero_budget_refuses_any_priced_job()
    {
        Assert.False(BudgetDecision.For(Standing(0m, 0m, 0m), 0.03m).Admitted);
    }
}
