namespace IdeogramJobs.Contracts.Budgets;

/// <summary>An account's monthly budget (key: account_id), read and set by the admin API; admission reads the table itself.</summary>
[Alias("budget.account-budget-grain")]
public interface IAccountBudgetGrain : IGrainWithStringKey
{
    /// <summary>The budget and this month's figures; null when the account does not exist.</summary>
    [Alias("budget.get")]
    Task<BudgetStanding?> GetAsync();

    /// <summary>Replaces the budget; null when the account does not exist.</summary>
    [Alias("budget.set")]
    Task<BudgetStanding?> SetAsync(AccountBudget budget);
}
