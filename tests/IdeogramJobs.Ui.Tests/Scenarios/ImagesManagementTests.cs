using System.IO.Compression;
using System.Text.RegularExpressions;
using IdeogramJobs.Ui.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IdeogramJobs.Ui.Tests.Scenarios;

[Collection(UiCollection.Name)]
public sealed class ImagesManagementTests(UiServiceFixture fixture)
{
    [Fact]
    public async Task User_opens_an_image_approves_it_and_regenerates_its_job()
    {
        var admin = await fixture.Service.NewAccountAsync("admin");
        await admin.CreatePosterJobTypeAsync("regen_poster");
        var user = await fixture.Service.UserOfAsync(admin);
        var jobId = await user.RunJobAsync("regen_poster", "a red kite over dunes", numImages: 1);
        var page = await fixture.NewPageAsync();
        await page.SignInAsync(user.Key);
        await page.OpenScreenAsync("Images");
        await Expect(page.GetByTestId("images-total")).ToContainTextAsync("1 image(s)", new() { Timeout = UiWaits.Step });
        await fixture.ScreenshotAsync(page, "09-images");

        await page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Open image") }).First.ClickAsync();
        var detail = page.Locator(".image-detail");
        await Expect(detail).ToContainTextAsync("a red kite over dunes");
        await Expect(detail).ToContainTextAsync($"{jobId} (regen_poster)");
        await detail.GetByRole(AriaRole.Button, new() { Name = "Approve" }).ClickAsync();
        await Expect(detail.GetByTestId("image-status")).ToHaveTextAsync("approved", new() { Timeout = UiWaits.Step });
        await fixture.ScreenshotAsync(page, "10-image-detail");

        await detail.GetByRole(AriaRole.Button, new() { Name = "Regenerate the same" }).ClickAsync();
        await Expect(detail.GetByTestId("job-status")).ToHaveTextAsync("completed", new() { Timeout = UiWaits.Job });
        await Expect(detail.GetByRole(AriaRole.List, new() { NameRegex = new Regex("^Images of job") }).GetByRole(AriaRole.Img)).ToHaveCountAsync(1);
        await fixture.ScreenshotAsync(page, "11-image-regenerated");

        await detail.GetByRole(AriaRole.Button, new() { Name = "Regenerate with changes…" }).ClickAsync();
        await detail.GetByLabel("Prompt", new() { Exact = true }).FillAsync("a blue kite over dunes");
        await detail.GetByLabel("Number of Images").FillAsync("2");
        await fixture.ScreenshotAsync(page, "12-image-regenerate-with-changes");
        await detail.GetByRole(AriaRole.Button, new() { Name = "Regenerate with these changes" }).ClickAsync();
        await Expect(detail.GetByTestId("job-status")).ToHaveTextAsync("completed", new() { Timeout = UiWaits.Job });
        await Expect(detail.GetByRole(AriaRole.List, new() { NameRegex = new Regex("^Images of job") }).GetByRole(AriaRole.Img)).ToHaveCountAsync(2);

        await page.OpenScreenAsync("Jobs");
        await Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "regen_poster" })).ToHaveCountAsync(3, new() { Timeout = UiWaits.Step });
    }

    [Fact]
    public async Task User_selects_images_and_downloads_them_as_one_zip()
    {
        var admin = await fixture.Service.NewAccountAsync("admin");
        await admin.CreatePosterJobTypeAsync("zip_poster");
        var user = await fixture.Service.UserOfAsync(admin);
        await user.RunJobAsync("zip_poster", "three teacups", numImages: 3);
        var page = await fixture.NewPageAsync();
        await page.SignInAsync(user.Key);
        await page.OpenScreenAsync("Images");
        await Expect(page.GetByTestId("images-total")).ToContainTextAsync("3 image(s)", new() { Timeout = UiWaits.Step });

        var boxes = page.GetByRole(AriaRole.Checkbox, new() { NameRegex = new Regex("^Select image") });
        await boxes.Nth(0).CheckAsync();
        await boxes.Nth(2).CheckAsync();
        await Expect(page.GetByText("2 selected")).ToBeVisibleAsync();
        await fixture.ScreenshotAsync(page, "13-images-selected");

        var download = await page.RunAndWaitForDownloadAsync(
            () => page.GetByRole(AriaRole.Button, new() { Name = "Download zip" }).ClickAsync(),
            new() { Timeout = UiWaits.Step });
        var path = Path.Combine(Path.GetTempPath(), "ui-export-" + Guid.NewGuid().ToString("N") + ".zip");
        await download.SaveAsAsync(path);
        try
        {
            Assert.EndsWith(".zip", download.SuggestedFilename);
            using var zip = ZipFile.OpenRead(path);
            var images = zip.Entries.Where(entry => entry.Name.EndsWith(".png", StringComparison.OrdinalIgnoreCase)).ToList();
            Assert.True(images.Count == 2, $"the zip holds {string.Join(", ", zip.Entries.Select(e => e.FullName))}; expected the 2 selected images");
        }
        finally
        {
            File.Delete(path);
        }
    }
}
