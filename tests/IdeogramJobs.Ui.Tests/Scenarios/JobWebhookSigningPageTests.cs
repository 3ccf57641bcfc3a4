using IdeogramJobs.Ui.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IdeogramJobs.Ui.Tests.Scenarios;

/// <summary>The Webhooks screen's panel for jobs' own webhook URLs, on the UI tests' service (no SECRET_ENCRYPTION_KEYS).</summary>
[Collection(UiCollection.Name)]
public sealed class JobWebhookSigningPageTests(UiServiceFixture fixture)
{
    [Fact]
    public async Task An_admin_is_told_why_the_signing_secret_cannot_be_shown_and_sees_an_empty_job_delivery_log()
    {
        var admin = await fixture.Service.NewAccountAsync("admin");
        var page = await fixture.NewPageAsync();
        await page.SignInAsync(admin.Key);
        await page.OpenScreenAsync("Webhooks");
        var panel = page.GetByRole(AriaRole.Region, new() { Name = "Jobs' own webhook URLs" });

        await panel.GetByRole(AriaRole.Button, new() { Name = "Reveal signing secret" }).ClickAsync();
        await Expect(panel.GetByText("SECRET_ENCRYPTION_KEYS is not set")).ToBeVisibleAsync(new() { Timeout = UiWaits.Step });
        await Expect(panel.GetByText("whsec_")).ToHaveCountAsync(0);

        await panel.GetByRole(AriaRole.Button, new() { Name = "Job deliveries" }).ClickAsync();
        await Expect(panel.GetByText("No job has had a webhook URL yet.")).ToBeVisibleAsync(new() { Timeout = UiWaits.Step });
        await fixture.ScreenshotAsync(page, "webhooks-02-job-signing-secret");
    }
}
