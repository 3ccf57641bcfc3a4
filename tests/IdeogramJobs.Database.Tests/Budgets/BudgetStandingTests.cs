using IdeogramJobs.Contracts.Budgets;
using IdeogramJobs.Contracts.Costs;
using IdeogramJobs.Contracts.Settings;
using IdeogramJobs.Database.Budgets;
using IdeogramJobs.Database.Images;
using IdeogramJobs.Database.Jobs;
using IdeogramJobs.Database.Webhooks;
using Microsoft.Extensions.Options;

namespace IdeogramJobs.Database.Tests.Budgets;

public sealed class BudgetStandingTests : IAsyncLifetime
{
    private static readonly DateTime MonthStart = BudgetMonth.Start(DateTime.UtcNow);

    private readonly StoreTestDatabase database = new();
    private MySqlAccountBudgetStore budgets = null!;
    private string accountId = null!;

    public async Task InitializeAsync()
    {
        await database.InitializeAsync();
        budgets = new MySqlAccountBudgetStore(database.Connections, new WebhookOutbox(Options.Create(new WebhookOptions())));
        accountId = await database.CreateAccountAsync("acme");
        await new MySqlJobStore(database.Connections, new MySqlImageAssetStore(database.Connections)).CreateAsync(new NewJob
        {
            AccountId = accountId,
            ConfigId = await database.ConfigIdAsync(accountId, "social_media"),
            JobTypeName = "social_media",
            Prompt = "A harvest festival poster",
            FinalSettings = new JobSettings { NumImages = 2 },
            Estimate = new CostEstimate { PerImage = 0.06m, Images = 2, Total = 0.12m },
        }, CancellationToken.None);
    }

    public Task DisposeAsync() => database.DisposeAsync();

    [Fact]
    public async Task Admission_reads_no_standing_for_an_account_without_a_budget_while_the_full_standing_still_shows_its_month()
    {
        Assert.Null(await budgets.ReadBudgetedStandingAsync(accountId, MonthStart, CancellationToken.None));

        var standing = await budgets.ReadStandingAsync(accountId, MonthStart, CancellationToken.None);

        Assert.NotNull(standing);
        Assert.Null(standing.Budget.MonthlyBudgetUsd);
        Assert.Equal(0.12m, standing.ReservedUsd);
    }

    [Fact]
    public async Task Admission_reads_the_whole_standing_of_an_account_with_a_budget()
    {
        Assert.True(await budgets.SetAsync(accountId, new AccountBudget { MonthlyBudgetUsd = 10m, ThresholdPercent = 80 }, CancellationToken.None));

        var standing = await budgets.ReadBudgetedStandingAsync(accountId, MonthStart, CancellationToken.None);

        Assert.NotNull(standing);
        Assert.Equal(10m, standing.Budget.MonthlyBudgetUsd);
        Assert.Equal(80, standing.Budget.ThresholdPercent);
        Assert.Equal(0.12m, standing.ReservedUsd);
        Assert.Equal(0m, standing.SpentUsd);
    }
}
