using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using IdeogramJobs.Api.Tests.Authentication;
using IdeogramJobs.Api.Tests.Configurations;
using IdeogramJobs.Api.Tests.Infrastructure;
using IdeogramJobs.Api.Tests.Jobs;

namespace IdeogramJobs.Api.Tests.Budgets;

/// <summary>
/// Prices and budgets over HTTP against the running service. blog_header runs at DEFAULT speed, so an
/// image is 0.06 USD at the default prices, and the user may choose 1 to 4 images.
/// </summary>
[Collection(ServiceCollection.Name)]
public sealed class CostsAndBudgetsTests(ServiceFixture service)
{
    private const decimal DefaultPerImage = 0.06m;
    private static readonly TimeSpan StreamBound = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task The_dry_run_and_the_execute_answer_give_the_jobs_estimate_in_dollars()
    {
        var account = await service.NewAccountAsync();
        var configId = await account.ConfigIdAsync("blog_header");

        using var dryRun = await account.Http.PostAsJsonAsync($"{JobTypeRequests.Base}/{configId}/settings/override", new { numImages = 3 });
        var preview = (await dryRun.ReadJsonAsync(HttpStatusCode.OK))["estimate"]!;
        using var executed = await account.Http.PostAsJsonAsync("/api/jobs/execute", new { jobType = "blog_header", prompt = Prompt("estimate"), overrides = new { numImages = 3 } });
        var accepted = (await executed.ReadJsonAsync(HttpStatusCode.Accepted))["estimate"]!;

        foreach (var estimate in new[] { preview, accepted })
        {
            Assert.Equal("USD", estimate["currency"]!.GetValue<string>());
            Assert.Equal(DefaultPerImage, estimate["perImage"]!.GetValue<decimal>());
            Assert.Equal(3, estimate["images"]!.GetValue<int>());
            Assert.Equal(3 * DefaultPerImage, estimate["total"]!.GetValue<decimal>());
        }
    }

    [Fact]
    public async Task A_completed_job_shows_what_it_cost_and_what_Ideogram_billed_and_usage_reports_the_dollars()
    {
        var account = await service.NewAccountAsync();
        var jobId = await account.ExecuteAsync("blog_header", Prompt("cost"), new { numImages = 2 });

        var status = await account.WaitForAsync(jobId, "completed");
        var results = JsonNode.Parse(await account.Http.GetStringAsync($"/api/jobs/{jobId}/results"))!;

        foreach (var cost in new[] { status["cost"]!, results["cost"]! })
        {
            Assert.Equal(2 * DefaultPerImage, cost["estimateUsd"]!.GetValue<decimal>());
            Assert.Equal(2 * DefaultPerImage, cost["costUsd"]!.GetValue<decimal>());
            Assert.Equal(2 * DefaultPerImage, cost["billedUsd"]!.GetValue<decimal>());
        }

        var from = DateTime.UtcNow.Date.ToString("yyyy-MM-dd");
        var to = DateTime.UtcNow.Date.AddDays(1).ToString("yyyy-MM-dd");
        var usage = JsonNode.Parse(await service.Admin.GetStringAsync($"/api/admin/accounts/{account.AccountId}/usage?from={from}&to={to}"))!;
        Assert.Equal(2 * DefaultPerImage, usage["totals"]!["billedUsd"]!.GetValue<decimal>());
        Assert.Equal(2 * DefaultPerImage, usage["totals"]!["costUsd"]!.GetValue<decimal>());
        Assert.Equal(2 * DefaultPerImage, usage["totals"]!["billedUsdByType"]!["blog_header"]!.GetValue<decimal>());
        Assert.Equal(2 * DefaultPerImage, usage["periods"]!.AsArray().Single()!["figures"]!["billedUsd"]!.GetValue<decimal>());
    }

    [Fact]
    public async Task A_job_that_would_go_over_the_monthly_budget_is_a_402_naming_the_figures_and_is_never_sent_to_Ideogram()
    {
        var account = await service.NewAccountAsync();
        await SetBudgetAsync(account, 0.20m, 80);
        var withinPrompt = Prompt("within budget");
        var first = await account.ExecuteAsync("blog_header", withinPrompt, new { numImages = 2 });
        await account.WaitForAsync(first, "completed");

        var refusedPrompt = Prompt("over budget");
        using var refused = await account.Http.PostAsJsonAsync("/api/jobs/execute", new { jobType = "blog_header", prompt = refusedPrompt, overrides = new { numImages = 2 } });

        var problem = await refused.ReadJsonAsync(HttpStatusCode.PaymentRequired);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Equal("monthlyBudgetUsd", problem["budget"]!.GetValue<string>());
        Assert.Equal(0.20m, problem["budgetUsd"]!.GetValue<decimal>());
        Assert.Equal(2 * DefaultPerImage, problem["spentUsd"]!.GetValue<decimal>());
        Assert.Equal(0m, problem["reservedUsd"]!.GetValue<decimal>());
        Assert.Equal(2 * DefaultPerImage, problem["jobCostUsd"]!.GetValue<decimal>());
        Assert.Equal(DateTime.UtcNow.ToString("yyyy-MM"), problem["month"]!.GetValue<string>());
        Assert.Equal(1, await service.Database.CountAsync($"SELECT COUNT(*) FROM ssnews_jobs WHERE account_id = '{account.AccountId}'"));
        var billed = JsonNode.Parse(await service.Simulator.GetStringAsync("/_simulator/stats/prompts?minimum=1"))!.AsObject();
        Assert.DoesNotContain(billed, p => p.Key.Contains(refusedPrompt, StringComparison.Ordinal));
        Assert.Contains(billed, p => p.Key.Contains(withinPrompt, StringComparison.Ordinal));

        // One image still fits: 0.12 spent + 0.06 <= 0.20.
        using var fits = await account.Http.PostAsJsonAsync("/api/jobs/execute", new { jobType = "blog_header", prompt = Prompt("one more"), overrides = new { numImages = 1 } });
        Assert.Equal(HttpStatusCode.Accepted, fits.StatusCode);
    }

    [Fact]
    public async Task A_budget_set_after_an_account_ran_jobs_without_one_refuses_its_very_next_job()
    {
        var account = await service.NewAccountAsync();
        var before = await account.ExecuteAsync("blog_header", Prompt("before the budget"), new { numImages = 1 });
        await account.WaitForAsync(before, "completed");

        await SetBudgetAsync(account, 0.10m, 80);
        using var refused = await account.Http.PostAsJsonAsync("/api/jobs/execute", new { jobType = "blog_header", prompt = Prompt("after the budget"), overrides = new { numImages = 1 } });

        var problem = await refused.ReadJsonAsync(HttpStatusCode.PaymentRequired);
        Assert.Equal(0.10m, problem["budgetUsd"]!.GetValue<decimal>());
        Assert.Equal(DefaultPerImage, problem["spentUsd"]!.GetValue<decimal>());
        Assert.Equal(1, await service.Database.CountAsync($"SELECT COUNT(*) FROM ssnews_jobs WHERE account_id = '{account.AccountId}'"));
    }

    [Fact]
    public async Task A_burst_of_submissions_is_admitted_only_as_far_as_the_budget_reaches()
    {
        var account = await service.NewAccountAsync();
        await SetBudgetAsync(account, 0.30m, 80);

        var answers = await Task.WhenAll(Enumerable.Range(0, 6).Select(async n =>
        {
            using var response = await account.Http.PostAsJsonAsync("/api/jobs/execute", new { jobType = "blog_header", prompt = Prompt($"burst {n}"), overrides = new { numImages = 2 } });
            return response.StatusCode;
        }));

        // 0.12 each against 0.30: the reservations of the first two leave no room for a third, running or not.
        Assert.Equal(2, answers.Count(a => a == HttpStatusCode.Accepted));
        Assert.Equal(4, answers.Count(a => a == HttpStatusCode.PaymentRequired));
        Assert.Equal(2, await service.Database.CountAsync($"SELECT COUNT(*) FROM ssnews_jobs WHERE account_id = '{account.AccountId}'"));
    }

    [Fact]
    public async Task Crossing_the_soft_threshold_raises_one_event_on_the_accounts_stream_for_the_month()
    {
        var account = await service.NewAccountAsync();
        await SetBudgetAsync(account, 1.00m, 50);
        await using var stream = await AccountEventListener.OpenAsync(account.Http);
        await stream.WaitForAsync(i => i.Type == "ready", "the ready event", StreamBound);

        // 0.24 per job: 24%, 48%, then 72% crosses 50%, and 96% is past it already.
        long last = 0;
        for (var n = 0; n < 4; n++)
        {
            last = await account.ExecuteAsync("blog_header", Prompt($"threshold {n}"), new { numImages = 4 });
        }

        var alert = await stream.WaitForAsync(i => i.Type == "budgetthreshold", "the budget threshold event", StreamBound);
        // The last job's completion comes after anything its admission raised.
        await stream.WaitForAsync(
            i => i.Type == "status" && i.Data?["jobId"]?.GetValue<long>() == last && i.Data?["status"]?.GetValue<string>() == "completed",
            $"job {last} completed", StreamBound);

        var budget = alert.Data!["budget"]!;
        Assert.Equal(50, budget["thresholdPercent"]!.GetValue<int>());
        Assert.Equal(1.00m, budget["budgetUsd"]!.GetValue<decimal>());
        Assert.True(budget["committedUsd"]!.GetValue<decimal>() >= 0.50m, $"alert raised at {budget["committedUsd"]}");
        Assert.Single(stream.Seen, i => i.Type == "budgetthreshold");
        Assert.Equal(1, await service.Database.CountAsync($"SELECT COUNT(*) FROM ssnews_budget_alerts WHERE account_id = '{account.AccountId}'"));
        Assert.Equal(1, await service.Database.CountAsync($"SELECT COUNT(*) FROM ssnews_system_logs WHERE account_id = '{account.AccountId}' AND message LIKE 'Budget threshold reached%'"));
    }

    [Fact]
    public async Task An_admin_reads_and_sets_an_accounts_budget_and_a_bad_one_is_a_400_naming_the_field()
    {
        var account = await service.NewAccountAsync();

        var standing = JsonNode.Parse(await service.Admin.GetStringAsync($"/api/admin/accounts/{account.AccountId}/budget"))!;
        Assert.Null(standing["budget"]!["monthlyBudgetUsd"]);
        Assert.Equal(80, standing["budget"]!["thresholdPercent"]!.GetValue<int>());

        using var bad = await service.Admin.PutAsJsonAsync($"/api/admin/accounts/{account.AccountId}/budget", new { monthlyBudgetUsd = -5m, thresholdPercent = 101 });
        var problem = await bad.ReadJsonAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(problem["errors"]!["monthlyBudgetUsd"]);
        Assert.NotNull(problem["errors"]!["thresholdPercent"]);

        await SetBudgetAsync(account, 12.5m, 90);
        standing = JsonNode.Parse(await service.Admin.GetStringAsync($"/api/admin/accounts/{account.AccountId}/budget"))!;
        Assert.Equal(12.5m, standing["budget"]!["monthlyBudgetUsd"]!.GetValue<decimal>());
        Assert.Equal(90, standing["budget"]!["thresholdPercent"]!.GetValue<int>());
        Assert.Equal(0m, standing["spentUsd"]!.GetValue<decimal>());

        using var user = await account.Http.PutAsJsonAsync($"/api/admin/accounts/{account.AccountId}/budget", new { monthlyBudgetUsd = 1000m });
        Assert.Equal(HttpStatusCode.Forbidden, user.StatusCode);
    }

    private async Task SetBudgetAsync(TestAccount account, decimal budgetUsd, int thresholdPercent)
    {
        using var response = await service.Admin.PutAsJsonAsync($"/api/admin/accounts/{account.AccountId}/budget", new { monthlyBudgetUsd = budgetUsd, thresholdPercent });
        await response.ReadJsonAsync(HttpStatusCode.OK);
    }

    private static string Prompt(string what) => $"{Guid.NewGuid():N} {what}";
}
