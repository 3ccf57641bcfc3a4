using System.Net.Http.Json;
using IdeogramJobs.Ui.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IdeogramJobs.Ui.Tests.Scenarios;

[Collection(UiCollection.Name)]
public sealed class KeyRoleTests(UiServiceFixture fixture)
{
    [Fact]
    public async Task A_user_key_sees_its_role_and_the_job_types_without_the_changes_it_may_not_make()
    {
        var admin = await fixture.Service.NewAccountAsync("admin");
        var user = await fixture.Service.UserOfAsync(admin);
        var page = await fixture.NewPageAsync();
        await page.SignInAsync(user.Key);
        await Expect(page.GetByTestId("account-badge")).ToContainTextAsync("· user", new() { Timeout = UiWaits.Step });

        await page.OpenScreenAsync("Job types");

        await Expect(page.GetByRole(AriaRole.Note)).ToContainTextAsync("user role", new() { Timeout = UiWaits.Step });
        await Expect(page.GetByText("Blog Header Images")).ToBeVisibleAsync(new() { Timeout = UiWaits.Step });
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "New job type" })).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Edit Blog Header Images" })).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task A_user_key_reads_the_brand_library_without_the_changes_it_may_not_make()
    {
        var admin = await fixture.Service.NewAccountAsync("admin");
        using (var added = await admin.Http.PostAsJsonAsync("/api/brand/palettes", new { name = "Harbour", palette = new { members = new[] { "#1B365D", "#F4F4F4" } } }))
        {
            Assert.True(added.IsSuccessStatusCode, $"adding a palette: {(int)added.StatusCode} {await added.Content.ReadAsStringAsync()}");
        }

        var user = await fixture.Service.UserOfAsync(admin);
        var page = await fixture.NewPageAsync();
        await page.SignInAsync(user.Key);
        await Expect(page.GetByTestId("account-badge")).ToContainTextAsync("· user", new() { Timeout = UiWaits.Step });

        await page.OpenScreenAsync("Brand library");

        var entry = page.GetByRole(AriaRole.Listitem, new() { Name = "Harbour" });
        await Expect(entry).ToBeVisibleAsync(new() { Timeout = UiWaits.Step });
        await Expect(entry.GetByRole(AriaRole.Button)).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Form, new() { Name = "Add palette" })).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task An_account_admin_key_keeps_every_job_type_action()
    {
        var admin = await fixture.Service.NewAccountAsync("admin");
        var page = await fixture.NewPageAsync();
        await page.SignInAsync(admin.Key);
        await Expect(page.GetByTestId("account-badge")).ToContainTextAsync("· account admin", new() { Timeout = UiWaits.Step });

        await page.OpenScreenAsync("Job types");

        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Edit Blog Header Images" })).ToBeVisibleAsync(new() { Timeout = UiWaits.Step });
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "New job type" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Note)).ToHaveCountAsync(0);
    }
}
