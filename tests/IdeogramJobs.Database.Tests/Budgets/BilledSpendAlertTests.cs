using System.Collections.Concurrent;
using IdeogramJobs.Contracts.Budgets;
using IdeogramJobs.Contracts.Costs;
using IdeogramJobs.Contracts.Jobs;
using IdeogramJobs.Contracts.Settings;
using IdeogramJobs.Database.Budgets;
using IdeogramJobs.Database.Connections;
using IdeogramJobs.Database.Images;
using IdeogramJobs.Database.Jobs;
using IdeogramJobs.Database.Secrets;
using IdeogramJobs.Database.Webhooks;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace IdeogramJobs.Database.Tests.Budgets;

/// <summary>
/// Billings that cross an account's budget threshold at the same moment, written by two job stores with
/// connection pools of their own, as two silos would.
/// </summary>
public sealed class BilledSpendAlertTests : IAsyncLifetime
{
    private const string Token = "33333333333333333333333333333333";
    private const int Rounds = 12;
    private static readonly string MasterKey = "test:" + Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));

    private readonly StoreTestDatabase database = new();
    private readonly RecordingAnnouncer announced = new();
    private readonly List<C360ReqDatabase> silos = [];
    private readonly List<MySqlJobStore> stores = [];

    public async Task InitializeAsync()
    {
        await database.InitializeAsync();
        for (var silo = 0; silo < 2; silo++)
        {
            var connections = new C360ReqDatabase(Options.Create(database.Database.Options));
            var outbox = new WebhookOutbox(Options.Create(new WebhookOptions()));
            silos.Add(connections);
            stores.Add(new MySqlJobStore(connections, new MySqlImageAssetStore(connections), outbox,
                new BilledSpendAlerts(outbox, NullLogger<BilledSpendAlerts>.Instance, announced)));
        }
    }

    public async Task DisposeAsync()
    {
        foreach (var silo in silos)
        {
            await silo.DisposeAsync();
        }

        await database.DisposeAsync();
    }

    [Fact]
    public async Task Two_billings_that_cross_the_threshold_only_together_raise_one_alert_and_queue_one_webhook()
    {
        var accounts = new List<string>();
        for (var round = 0; round < Rounds; round++)
        {
            // 0.12 each, under the 0.20 threshold of 0.25 alone; 0.24 together reaches it.
            var accountId = await database.CreateAccountAsync($"race{round}");
            await new MySqlAccountBudgetStore(database.Connections, new WebhookOutbox(Options.Create(new WebhookOptions())))
                .SetAsync(accountId, new AccountBudget { MonthlyBudgetUsd = 0.25m, ThresholdPercent = 80 }, CancellationToken.None);
            await new MySqlWebhookStore(database.Connections, new SecretProtector(Options.Create(new SecretEncryptionOptions { Keys = MasterKey })))
                .CreateAsync(accountId, "https://a.example/hook", [WebhookEventTypes.BudgetThresholdReached], enabled: true, CancellationToken.None);
            var jobs = new[] { await ClaimedJobAsync(accountId), await ClaimedJobAsync(accountId) };

            var saved = await Task.WhenAll(jobs.Select((jobId, silo) => stores[silo].SaveGenerationAsync(jobId, Token, TwoImages(), CancellationToken.None)));

            Assert.All(saved, Assert.True);
            accounts.Add(accountId);
        }

        foreach (var accountId in accounts)
        {
            Assert.Equal(1, await database.Database.CountAsync($"SELECT COUNT(*) FROM ssnews_budget_alerts WHERE account_id = '{accountId}'"));
            Assert.Equal(0.24m, (decimal)await database.Database.CountAsync($"SELECT committed_usd * 100 FROM ssnews_budget_alerts WHERE account_id = '{accountId}'") / 100m);
            Assert.Equal(1, await database.Database.CountAsync($"SELECT COUNT(*) FROM ideogram_webhook_deliveries WHERE account_id = '{accountId}' AND event_type = 'budget.threshold_reached'"));
            var alert = Assert.Single(announced.Alerts, a => a.AccountId == accountId);
            Assert.Equal(0.24m, alert.CommittedUsd);
        }
    }

    [Fact]
    public async Task A_billing_under_the_threshold_raises_nothing_and_an_account_without_a_budget_is_only_billed()
    {
        var budgeted = await database.CreateAccountAsync("under");
        await new MySqlAccountBudgetStore(database.Connections, new WebhookOutbox(Options.Create(new WebhookOptions())))
            .SetAsync(budgeted, new AccountBudget { MonthlyBudgetUsd = 1m, ThresholdPercent = 80 }, CancellationToken.None);
        var unbudgeted = await database.CreateAccountAsync("free");

        Assert.True(await stores[0].SaveGenerationAsync(await ClaimedJobAsync(budgeted), Token, TwoImages(), CancellationToken.None));
        Assert.True(await stores[1].SaveGenerationAsync(await ClaimedJobAsync(unbudgeted), Token, TwoImages(), CancellationToken.None));

        Assert.Equal(0, await database.Database.CountAsync("SELECT COUNT(*) FROM ssnews_budget_alerts"));
        Assert.Equal(2, await database.Database.CountAsync("SELECT COUNT(*) FROM ssnews_job_billings"));
        Assert.Empty(announced.Alerts);
    }

    private async Task<long> ClaimedJobAsync(string accountId)
    {
        var jobId = await stores[0].CreateAsync(new NewJob
        {
            AccountId = accountId,
            ConfigId = await database.ConfigIdAsync(accountId, "social_media"),
            JobTypeName = "social_media",
            Prompt = "A harvest festival poster",
            FinalSettings = new JobSettings { NumImages = 2 },
            Estimate = new CostEstimate { PerImage = 0.06m, Images = 2, Total = 0.12m },
        }, CancellationToken.None);
        Assert.True(await stores[0].ClaimAttemptAsync(jobId, new AttemptClaim(Token, "silo", DateTime.UtcNow.AddMinutes(5), "generating"), CancellationToken.None));
        return jobId;
    }

    private static SavedGeneration TwoImages() =>
        new(DateTimeOffset.UtcNow, [
            new SavedGenerationImage("https://ideogram.example/1.png", "poster", "1024x1024", 1, "GENERAL", true),
            new SavedGenerationImage("https://ideogram.example/2.png", "poster", "1024x1024", 2, "GENERAL", true)]);

    private sealed class RecordingAnnouncer : IBudgetAlertAnnouncer
    {
        private readonly ConcurrentQueue<BudgetAlert> alerts = new();

        public IReadOnlyList<BudgetAlert> Alerts => [.. alerts];

        public Task AnnounceAsync(BudgetAlert alert, CancellationToken cancellationToken)
        {
            alerts.Enqueue(alert);
            return Task.CompletedTask;
        }
    }
}
