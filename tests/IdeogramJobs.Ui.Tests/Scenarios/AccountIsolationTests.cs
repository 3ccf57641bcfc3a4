using IdeogramJobs.Ui.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IdeogramJobs.Ui.Tests.Scenarios;

[Collection(UiCollection.Name)]
public sealed class AccountIsolationTests(UiServiceFixture fixture)
{
    [Fact]
    public async Task A_second_account_sees_none_of_the_first_accounts_job_types_jobs_or_images()
    {
        var first = await fixture.Service.NewAccountAsync("admin");
        await first.CreatePosterJobTypeAsync("private_poster");
        await first.RunJobAsync("private_poster", "a private harbour", numImages: 1);
        var second = await fixture.Service.NewAccountAsync("admin");

        var page = await fixture.NewPageAsync();
        await page.SignInAsync(second.Key);
        await page.OpenScreenAsync("Images");
        await Expect(page.GetByTestId("images-total")).ToHaveTextAsync("0 image(s)", new() { Timeout = UiWaits.Step });
        await Expect(page.GetByRole(AriaRole.List, new() { Name = "Generated images" }).GetByRole(AriaRole.Listitem)).ToHaveCountAsync(0);

        await page.OpenScreenAsync("Jobs");
        await Expect(page.GetByText("No jobs yet.")).ToBeVisibleAsync(new() { Timeout = UiWaits.Step });

        await page.OpenScreenAsync("Job types");
        await Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Product Marketing Images" })).ToHaveCountAsync(1, new() { Timeout = UiWaits.Step });
        await Expect(page.GetByText("private_poster")).ToHaveCountAsync(0);
        await fixture.ScreenshotAsync(page, "14-second-account-job-types");
    }
}
