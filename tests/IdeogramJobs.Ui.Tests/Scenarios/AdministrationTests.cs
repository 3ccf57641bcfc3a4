using System.Text.Json.Nodes;
using IdeogramJobs.Ui.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IdeogramJobs.Ui.Tests.Scenarios;

[Collection(UiCollection.Name)]
public sealed class AdministrationTests(UiServiceFixture fixture)
{
    [Fact]
    public async Task Service_admin_sees_an_accounts_usage_and_can_act_on_the_account()
    {
        var account = await fixture.Service.NewAccountAsync("admin");
        await account.CreatePosterJobTypeAsync("usage_poster");
        await account.RunJobAsync("usage_poster", "a usage chart", numImages: 2);
        var accountName = JsonNode.Parse(await fixture.Service.Admin.GetStringAsync($"/api/admin/accounts/{account.AccountId}"))!["name"]!.GetValue<string>();

        var page = await fixture.NewPageAsync();
        await page.SignInAsync(fixture.Service.AdminKey);
        await page.OpenScreenAsync("Accounts");
        await fixture.ScreenshotAsync(page, "15-accounts");

        await page.OpenScreenAsync("Usage");
        await page.GetByLabel("Account").SelectOptionAsync(new SelectOptionValue { Label = accountName });
        await page.GetByLabel("Time range").SelectOptionAsync(new SelectOptionValue { Label = "Last 7 days" });
        var totals = page.GetByTestId("usage-totals");
        ILocator Total(string label) => totals.Locator("div").Filter(new() { Has = page.GetByText(label, new() { Exact = true }) }).Locator("dd");
        await Expect(Total("Jobs")).ToHaveTextAsync("1", new() { Timeout = UiWaits.Step });
        await Expect(Total("Images")).ToHaveTextAsync("2");
        await Expect(Total("Billed")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^\$\d+\.\d{2}"));
        await Expect(page.GetByRole(AriaRole.Img, new() { Name = "Jobs per day by outcome" })).ToBeVisibleAsync();
        await fixture.ScreenshotAsync(page, "16-usage");

        await page.OpenScreenAsync("Accounts");
        await page.GetByRole(AriaRole.Button, new() { Name = "Act on " + accountName }).ClickAsync();
        await page.OpenScreenAsync("Job types");
        await Expect(page.GetByText("usage_poster", new() { Exact = true })).ToBeVisibleAsync(new() { Timeout = UiWaits.Step });
    }

    [Fact]
    public async Task The_api_key_is_kept_for_the_browser_session_only_and_never_shown()
    {
        var account = await fixture.Service.NewAccountAsync("user");
        var page = await fixture.NewPageAsync();
        await page.SignInAsync(account.Key);
        await page.OpenScreenAsync("Run a job");

        Assert.Equal(0, await page.EvaluateAsync<int>("() => localStorage.length"));
        Assert.DoesNotContain(account.Key, await page.ContentAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain(account.Key, page.Url, StringComparison.Ordinal);

        await page.ReloadAsync();
        await Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Screens" })).ToBeVisibleAsync();

        var otherSession = await fixture.NewPageAsync();
        await otherSession.GotoAsync("/run");
        await Expect(otherSession.GetByLabel("API key")).ToBeVisibleAsync();
    }
}
