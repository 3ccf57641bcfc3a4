using IdeogramJobs.Contracts.Budgets;
using IdeogramJobs.Contracts.Costs;
using IdeogramJobs.Database.Budgets;
using IdeogramJobs.Grains.Budgets;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace IdeogramJobs.Grains.Tests.Budgets;

public sealed class AccountBudgetCheckTests
{
    private static readonly CostEstimate OneImage = new() { PerImage = 0.06m, Images = 1, Total = 0.06m };

    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 12, 7, 12, 0, 0, TimeSpan.Zero));
    private readonly CountingBudgetStore store = new();
    private readonly AccountBudgetCheck check;

    public AccountBudgetCheckTests()
    {
        var gate = new AccountBudgetGate(store, new BudgetThresholdAlerts(store, null!, null!, NullLogger<BudgetThresholdAlerts>.Instance), time, NullLogger<AccountBudgetGate>.Instance);
        check = new AccountBudgetCheck(gate, "acme", time);
    }

    [Fact]
    public async Task An_account_found_without_a_budget_is_admitted_without_reading_again_until_the_recheck()
    {
        Assert.True((await check.CheckAsync(OneImage, CancellationToken.None)).Admitted);
        Assert.True((await check.CheckAsync(OneImage, CancellationToken.None)).Admitted);
        Assert.Equal(1, store.Reads);

        time.Advance(AccountBudgetCheck.Recheck);
        Assert.True((await check.CheckAsync(OneImage, CancellationToken.None)).Admitted);

        Assert.Equal(2, store.Reads);
    }

    [Fact]
    public async Task A_budget_set_after_the_account_was_found_without_one_refuses_the_next_job_once_the_grain_is_told()
    {
        Assert.True((await check.CheckAsync(OneImage, CancellationToken.None)).Admitted);
        store.Budget = new AccountBudget { MonthlyBudgetUsd = 0.05m };

        check.Changed();
        var decision = await check.CheckAsync(OneImage, CancellationToken.None);

        Assert.False(decision.Admitted);
        Assert.Equal(0.05m, decision.Refusal!.BudgetUsd);
    }

    [Fact]
    public async Task An_account_with_a_budget_is_read_for_every_job()
    {
        store.Budget = new AccountBudget { MonthlyBudgetUsd = 10m };

        for (var job = 0; job < 3; job++)
        {
            Assert.True((await check.CheckAsync(OneImage, CancellationToken.None)).Admitted);
        }

        Assert.Equal(3, store.Reads);
    }

    /// <summary>The budgeted standing admission reads, counted; the account has spent and reserved nothing.</summary>
    private sealed class CountingBudgetStore : IAccountBudgetStore
    {
        public AccountBudget? Budget { get; set; }

        public int Reads { get; private set; }

        public Task<BudgetStanding?> ReadBudgetedStandingAsync(string accountId, DateTime monthStart, CancellationToken cancellationToken)
        {
            Reads++;
            return Task.FromResult(Budget is null ? null : new BudgetStanding { Month = "2026-12", Budget = Budget });
        }

        public Task<BudgetStanding?> ReadStandingAsync(string accountId, DateTime monthStart, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<bool> SetAsync(string accountId, AccountBudget budget, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<bool> TryRecordAlertAsync(BudgetAlert alert, CancellationToken cancellationToken) => throw new NotSupportedException();
    }
}
