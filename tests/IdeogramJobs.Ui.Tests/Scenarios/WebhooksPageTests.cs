using IdeogramJobs.Ui.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IdeogramJobs.Ui.Tests.Scenarios;

/// <summary>The Webhooks screen on the service as the UI tests run it: no WEBHOOK_ALLOWED_HOSTS and no SECRET_ENCRYPTION_KEYS.</summary>
[Collection(UiCollection.Name)]
public sealed class WebhooksPageTests(UiServiceFixture fixture)
{
    [Fact]
    public async Task An_admin_sees_why_an_endpoint_is_refused_and_a_user_is_told_only_admins_manage_webhooks()
    {
        var admin = await fixture.Service.NewAccountAsync("admin");
        var page = await fixture.NewPageAsync();
        await page.SignInAsync(admin.Key);
        await page.OpenScreenAsync("Webhooks");

        var form = page.GetByRole(AriaRole.Form, new() { Name = "Add an endpoint" });
        await form.GetByLabel("Endpoint URL").FillAsync("http://169.254.169.254/latest/meta-data/");
        await form.GetByRole(AriaRole.Button, new() { Name = "Add endpoint" }).ClickAsync();
        await Expect(page.GetByText("WEBHOOK_ALLOWED_HOSTS does not allow it")).ToBeVisibleAsync(new() { Timeout = UiWaits.Step });

        await form.GetByLabel("Endpoint URL").FillAsync("https://93.184.215.14/hook");
        await form.GetByRole(AriaRole.Button, new() { Name = "Add endpoint" }).ClickAsync();
        await Expect(page.GetByText("SECRET_ENCRYPTION_KEYS is not set")).ToBeVisibleAsync(new() { Timeout = UiWaits.Step });
        await Expect(page.GetByText("No endpoints yet.")).ToBeVisibleAsync(new() { Timeout = UiWaits.Step });
        await fixture.ScreenshotAsync(page, "webhooks-01-refused");

        var user = await fixture.Service.UserOfAsync(admin);
        var userPage = await fixture.NewPageAsync();
        await userPage.SignInAsync(user.Key);
        await userPage.OpenScreenAsync("Webhooks");
        await Expect(userPage.GetByText("Only account admin keys manage webhooks.")).ToBeVisibleAsync(new() { Timeout = UiWaits.Step });
    }
}
