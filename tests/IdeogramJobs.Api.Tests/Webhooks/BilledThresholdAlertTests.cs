using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using IdeogramJobs.Api.Tests.Infrastructure;
using IdeogramJobs.Api.Tests.Jobs;
using IdeogramJobs.Testing;
using IdeogramJobs.Testing.Webhooks;

namespace IdeogramJobs.Api.Tests.Webhooks;

/// <summary>
/// The budget threshold raised by what Ideogram billed, not by an admission: the jobs are admitted with no
/// budget while the simulator holds their generations, the budget is set, and then the generations are
/// let go. blog_header runs at DEFAULT speed, 0.06 USD an image.
/// </summary>
[Collection(WebhookCollection.Name)]
public sealed class BilledThresholdAlertTests(WebhookServiceFixture service)
{
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(60);

    private WebhookReceiver Receiver => service.Receiver;

    [Fact]
    public async Task A_completion_that_brings_billed_spend_over_the_threshold_raises_the_alert_once_with_no_further_admission()
    {
        var (account, path) = await BudgetSubscriberAsync();
        await using var stream = await AccountEventListener.OpenAsync(account.Http);
        await stream.WaitForAsync(i => i.Type == "ready", "the ready event", Within);

        var prompt = Prompt("crossing completion");
        var jobId = await HeldAsync(async () =>
        {
            var held = await account.ExecuteAsync("blog_header", prompt, new { numImages = 4 });
            await account.WaitForAsync(held, "processing");

            // 0.24 billed will be 96% of 0.25: over the 80% threshold, though nothing is billed yet.
            await SetBudgetAsync(account, 0.25m, 80);
            return held;
        });

        await account.WaitForAsync(jobId, "completed");
        var alert = await AlertAndCompletionsAsync(stream, [jobId]);
        var budget = alert.Data!["budget"]!;
        Assert.Equal(jobId, budget["jobId"]!.GetValue<long>());
        Assert.Equal(0.24m, budget["committedUsd"]!.GetValue<decimal>());
        Assert.Equal(80, budget["thresholdPercent"]!.GetValue<int>());

        var webhook = await SingleBudgetWebhookAsync(account, path);
        var data = webhook.Body!["data"]!;
        Assert.Equal(jobId, data["jobId"]!.GetValue<long>());
        Assert.Equal(0.25m, data["budgetUsd"]!.GetValue<decimal>());
        Assert.Equal(0.24m, data["committedUsd"]!.GetValue<decimal>());

        Assert.Single(stream.Seen, i => i.Type == "budgetthreshold");
        Assert.Equal(1, await service.Database.CountAsync($"SELECT COUNT(*) FROM ssnews_jobs WHERE account_id = '{account.AccountId}'"));
        Assert.Equal(1, await service.Database.CountAsync($"SELECT COUNT(*) FROM ssnews_budget_alerts WHERE account_id = '{account.AccountId}'"));
        Assert.Equal(1, await service.Database.CountAsync($"SELECT COUNT(*) FROM ssnews_system_logs WHERE account_id = '{account.AccountId}' AND message LIKE 'Budget threshold reached%'"));
        Assert.Equal(1, await BilledAsync(prompt));
    }

    [Fact]
    public async Task Two_completions_that_cross_the_threshold_together_raise_it_once()
    {
        var (account, path) = await BudgetSubscriberAsync();
        await using var stream = await AccountEventListener.OpenAsync(account.Http);
        await stream.WaitForAsync(i => i.Type == "ready", "the ready event", Within);

        var prompts = new[] { Prompt("together 1"), Prompt("together 2") };
        var jobIds = await HeldAsync(async () =>
        {
            var held = new List<long>();
            foreach (var prompt in prompts)
            {
                held.Add(await account.ExecuteAsync("blog_header", prompt, new { numImages = 2 }));
            }

            foreach (var jobId in held)
            {
                await account.WaitForAsync(jobId, "processing");
            }

            // 0.12 each is under the 0.20 threshold of 0.25; only both together (0.24) reach it.
            await SetBudgetAsync(account, 0.25m, 80);
            return held;
        });

        foreach (var jobId in jobIds)
        {
            await account.WaitForAsync(jobId, "completed");
        }

        var alert = await AlertAndCompletionsAsync(stream, jobIds);
        Assert.Equal(0.24m, alert.Data!["budget"]!["committedUsd"]!.GetValue<decimal>());
        Assert.Contains(alert.Data!["budget"]!["jobId"]!.GetValue<long>(), jobIds);

        var webhook = await SingleBudgetWebhookAsync(account, path);
        Assert.Equal(0.24m, webhook.Body!["data"]!["committedUsd"]!.GetValue<decimal>());
        Assert.Single(stream.Seen, i => i.Type == "budgetthreshold");
        Assert.Equal(1, await service.Database.CountAsync($"SELECT COUNT(*) FROM ssnews_budget_alerts WHERE account_id = '{account.AccountId}'"));
        Assert.Equal(2, await service.Database.CountAsync($"SELECT COUNT(*) FROM ssnews_job_billings WHERE account_id = '{account.AccountId}'"));
        foreach (var prompt in prompts)
        {
            Assert.Equal(1, await BilledAsync(prompt));
        }
    }

    /// <summary>
    /// Runs <paramref name="admit"/> while the simulator holds every generation, then lets them go; the
    /// simulator re-evaluates held requests at once when its latency changes.
    /// </summary>
    private async Task<T> HeldAsync<T>(Func<Task<T>> admit)
    {
        await service.ConfigureSimulatorAsync(new { latencyScale = 1000 });
        try
        {
            return await admit();
        }
        finally
        {
            await service.ConfigureSimulatorAsync(new { latencyScale = 0 });
        }
    }

    /// <summary>
    /// The threshold event and the jobs' completed events, in whatever order they arrive (the alert is published
    /// by the billing, the completion by the job afterwards, and two jobs' events interleave).
    /// </summary>
    private static async Task<EventStreamItem> AlertAndCompletionsAsync(AccountEventListener stream, IReadOnlyCollection<long> jobIds)
    {
        var running = new HashSet<long>(jobIds);
        EventStreamItem? alert = null;
        while (alert is null || running.Count > 0)
        {
            var item = await stream.WaitForAsync(
                i => (alert is null && i.Type == "budgetthreshold")
                    || (i.Type == "status" && i.Data?["status"]?.GetValue<string>() == "completed" && i.Data?["jobId"]?.GetValue<long>() is { } id && running.Contains(id)),
                $"the budget threshold event and jobs {string.Join(", ", running)} completed", Within);
            if (item.Type == "budgetthreshold")
            {
                alert = item;
            }
            else
            {
                running.Remove(item.Data!["jobId"]!.GetValue<long>());
            }
        }

        return alert;
    }

    /// <summary>Waits for the account's budget webhook, then checks it is the only one its endpoint was sent or queued.</summary>
    private async Task<ReceivedWebhook> SingleBudgetWebhookAsync(TestAccount account, string path)
    {
        var received = await Receiver.WaitForAsync(r => r.Any(w => w.Path == path), Within, $"the budget webhook at {path}");
        var webhook = Assert.Single(received, w => w.Path == path);
        Assert.True(webhook.Verified, "the signature verifies with the StandardWebhooks library");
        Assert.Equal("budget.threshold_reached", webhook.Type);
        Assert.Equal(account.AccountId, webhook.Body!["data"]!["accountId"]!.GetValue<string>());
        Assert.Equal(1, await service.Database.CountAsync($"SELECT COUNT(*) FROM ideogram_webhook_deliveries WHERE account_id = '{account.AccountId}' AND event_type = 'budget.threshold_reached'"));
        return webhook;
    }

    private async Task<(TestAccount Account, string Path)> BudgetSubscriberAsync()
    {
        var account = await service.NewAccountAsync("admin");
        var path = "/budget/" + Guid.NewGuid().ToString("N");
        var (_, secret) = await account.CreateEndpointAsync(Receiver.Url(path), ["budget.threshold_reached"]);
        Receiver.Trust(secret);
        return (account, path);
    }

    private async Task SetBudgetAsync(TestAccount account, decimal budgetUsd, int thresholdPercent)
    {
        using var response = await service.Admin.PutAsJsonAsync($"/api/admin/accounts/{account.AccountId}/budget", new { monthlyBudgetUsd = budgetUsd, thresholdPercent });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    /// <summary>How many generations the simulator answered (and so billed) for the prompt.</summary>
    private async Task<int> BilledAsync(string prompt)
    {
        var billed = JsonNode.Parse(await service.Simulator.GetStringAsync("/_simulator/stats/prompts?minimum=1"))!.AsObject();
        return billed.Where(p => p.Key.Contains(prompt, StringComparison.Ordinal)).Sum(p => p.Value!.GetValue<int>());
    }

    private static string Prompt(string what) => $"{Guid.NewGuid():N} {what}";
}
