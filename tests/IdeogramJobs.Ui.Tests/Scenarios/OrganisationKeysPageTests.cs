using System.Text.Json.Nodes;
using IdeogramJobs.Ui.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IdeogramJobs.Ui.Tests.Scenarios;

public sealed class OrganisationKeysPageTests(OrganisationKeysUiFixture fixture) : IClassFixture<OrganisationKeysUiFixture>
{
    private const string FirstKey = "ui-orgkeys-first-ideogram-key-7531";
    private const string SecondKey = "ui-orgkeys-second-ideogram-key-8642";

    [Fact]
    public async Task An_admin_sets_replaces_limits_and_removes_an_organisations_key_and_the_page_never_holds_the_key_after_saving()
    {
        var (account, organizationId) = await fixture.Service.NewOrganisationAsync("admin");
        var accountName = JsonNode.Parse(await fixture.Service.Admin.GetStringAsync($"/api/admin/accounts/{account.AccountId}"))!["name"]!.GetValue<string>();
        var page = await fixture.NewPageAsync();
        await page.SignInAsync(fixture.Service.AdminKey);
        await page.OpenScreenAsync("Organisation keys");
        await page.GetByLabel("Organisation", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = accountName });
        var description = page.GetByTestId("organisation-key-description");
        await Expect(description).ToHaveTextAsync("No key of its own: its jobs use the service key");

        var keyField = page.GetByLabel("Ideogram API key");
        await keyField.FillAsync(FirstKey);
        await page.GetByRole(AriaRole.Button, new() { Name = "Save key", Exact = true }).ClickAsync();
        await Expect(page.GetByTestId("organisation-key-last-four")).ToHaveTextAsync("7531");
        await Expect(description).ToHaveTextAsync("Own key ending in 7531");
        await Expect(keyField).ToHaveValueAsync("");
        Assert.DoesNotContain(FirstKey, await page.ContentAsync(), StringComparison.Ordinal);

        await keyField.FillAsync(SecondKey);
        await page.GetByRole(AriaRole.Button, new() { Name = "Replace key", Exact = true }).ClickAsync();
        await Expect(page.GetByTestId("organisation-key-last-four")).ToHaveTextAsync("8642");
        await Expect(keyField).ToHaveValueAsync("");
        var afterReplace = await page.ContentAsync();
        Assert.DoesNotContain(FirstKey, afterReplace, StringComparison.Ordinal);
        Assert.DoesNotContain(SecondKey, afterReplace, StringComparison.Ordinal);

        var limitForm = page.GetByRole(AriaRole.Form, new() { Name = "In-flight limit" });
        var limitField = limitForm.GetByLabel("In-flight limit (images at once)");
        await limitField.FillAsync("0");
        await limitForm.GetByRole(AriaRole.Button, new() { Name = "Save limit" }).ClickAsync();
        await Expect(limitForm.GetByRole(AriaRole.Alert)).ToContainTextAsync("maxInflightImages must be a whole number");
        await limitField.FillAsync("25");
        await limitForm.GetByRole(AriaRole.Button, new() { Name = "Save limit" }).ClickAsync();
        await Expect(page.GetByTestId("organisation-key-limit")).ToHaveTextAsync("25");
        var stored = JsonNode.Parse(await fixture.Service.Admin.GetStringAsync($"/api/admin/organizations/{organizationId}/ideogram-key"))!;
        Assert.Equal(("active", "8642", 25), (stored["status"]!.GetValue<string>(), stored["lastFour"]!.GetValue<string>(), stored["maxInflightImages"]!.GetValue<int>()));

        await page.GetByRole(AriaRole.Button, new() { Name = "Remove key" }).ClickAsync();
        await Expect(description).ToHaveTextAsync("No key of its own: its jobs use the service key");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Remove key" })).ToHaveCountAsync(0);
        var removed = JsonNode.Parse(await fixture.Service.Admin.GetStringAsync($"/api/admin/organizations/{organizationId}/ideogram-key"))!;
        Assert.Equal("none", removed["status"]!.GetValue<string>());
        Assert.DoesNotContain(SecondKey, await page.ContentAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain(FirstKey, fixture.Service.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(SecondKey, fixture.Service.Output, StringComparison.Ordinal);
    }
}
