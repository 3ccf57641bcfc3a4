using System.Text.RegularExpressions;
using IdeogramJobs.Ui.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IdeogramJobs.Ui.Tests.Scenarios;

[Collection(UiCollection.Name)]
public sealed class JobExecutionTests(UiServiceFixture fixture)
{
    [Fact]
    public async Task User_sees_the_preview_follow_the_overrides_then_watches_the_job_complete_with_its_images()
    {
        var admin = await fixture.Service.NewAccountAsync("admin");
        await admin.CreatePosterJobTypeAsync("run_poster");
        var user = await fixture.Service.UserOfAsync(admin);
        var page = await fixture.NewPageAsync();
        await page.SignInAsync(user.Key);
        await page.OpenScreenAsync("Run a job");

        await page.GetByLabel("Job type").SelectOptionAsync(new SelectOptionValue { Label = "Poster run_poster" });
        var previewImages = page.Locator("[data-testid=settings-preview] [data-setting=numImages] dd");
        var previewStyle = page.Locator("[data-testid=settings-preview] [data-setting=styleType] dd");
        await Expect(previewImages).ToHaveTextAsync("1", new() { Timeout = UiWaits.Step });

        await page.GetByLabel("Image Description").FillAsync("a lighthouse poster in bold shapes");
        await page.GetByLabel("Number of Images").FillAsync("2");
        await page.GetByLabel("Style Type").SelectOptionAsync("REALISTIC");
        await Expect(page.GetByTestId("override-numImages-value")).ToHaveTextAsync("2");
        await Expect(previewImages).ToHaveTextAsync("2", new() { Timeout = UiWaits.Step });
        await Expect(previewStyle).ToHaveTextAsync("REALISTIC", new() { Timeout = UiWaits.Step });
        await fixture.ScreenshotAsync(page, "05-run-a-job-preview");

        await page.GetByRole(AriaRole.Button, new() { Name = "Generate images" }).ClickAsync();
        await Expect(page.GetByTestId("job-status")).ToHaveTextAsync("completed", new() { Timeout = UiWaits.Job });
        var images = page.GetByRole(AriaRole.List, new() { NameRegex = new Regex("^Images of job") }).GetByRole(AriaRole.Img);
        await Expect(images).ToHaveCountAsync(2);
        await Expect(page.GetByRole(AriaRole.Progressbar)).ToHaveAttributeAsync("value", "100");
        await Expect(images.First).ToHaveJSPropertyAsync("complete", true);
        await fixture.ScreenshotAsync(page, "06-run-a-job-completed");

        await page.OpenScreenAsync("Jobs");
        await Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "run_poster" })).ToContainTextAsync("completed");
        await fixture.ScreenshotAsync(page, "07-jobs");
    }

    [Fact]
    public async Task The_job_form_is_usable_at_phone_width()
    {
        var user = await fixture.Service.NewAccountAsync("user");
        var page = await fixture.NewPageAsync(phone: true);
        await page.SignInAsync(user.Key);
        await page.OpenScreenAsync("Run a job");
        await Expect(page.Locator("[data-testid=settings-preview]")).ToBeVisibleAsync(new() { Timeout = UiWaits.Step });

        var width = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(width <= 390, $"the page is {width}px wide at a 390px phone viewport: it scrolls sideways");
        await fixture.ScreenshotAsync(page, "08-run-a-job-phone");
    }
}
