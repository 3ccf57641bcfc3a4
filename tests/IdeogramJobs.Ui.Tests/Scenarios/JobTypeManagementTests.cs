using IdeogramJobs.Ui.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IdeogramJobs.Ui.Tests.Scenarios;

[Collection(UiCollection.Name)]
public sealed class JobTypeManagementTests(UiServiceFixture fixture)
{
    [Fact]
    public async Task Account_admin_creates_a_job_type_with_its_form_after_fixing_what_the_server_refused()
    {
        var admin = await fixture.Service.NewAccountAsync("admin");
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/");
        await fixture.ScreenshotAsync(page, "01-sign-in");
        await page.SignInAsync(admin.Key);
        await page.OpenScreenAsync("Job types");
        await fixture.ScreenshotAsync(page, "02-job-types");

        await page.GetByRole(AriaRole.Button, new() { Name = "New job type" }).ClickAsync();
        var name = page.GetByLabel("Job type name (letters, digits, underscores)");
        await name.FillAsync("Not A Name");
        await page.GetByLabel("Display name").FillAsync("UI Poster");
        await page.GetByLabel("Field 2 max").FillAsync("3");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add form field" }).ClickAsync();
        await page.GetByLabel("Field 3 default").FillAsync("DESIGN");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save job type" }).ClickAsync();

        await Expect(name).ToHaveAttributeAsync("aria-invalid", "true", new() { Timeout = UiWaits.Step });
        await Expect(page.Locator("#jobtype-jobTypeName-errors")).ToContainTextAsync("jobTypeName must start with a lower-case letter");
        await fixture.ScreenshotAsync(page, "03-job-type-editor-with-errors");

        await name.FillAsync("ui_poster");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save job type" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Saved UI Poster.", new() { Timeout = UiWaits.Step });
        await Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "ui_poster" })).ToContainTextAsync("active");
        await fixture.ScreenshotAsync(page, "04-job-types-after-create");

        var created = (await admin.JobTypesAsync()).Single(jobType => jobType!["jobTypeName"]!.GetValue<string>() == "ui_poster")!;
        var fields = created["uiSchema"]!["fields"]!.AsArray();
        Assert.Equal(["prompt", "numImages", "styleType"], fields.Select(field => field!["name"]!.GetValue<string>()));
        Assert.Equal(3, fields[1]!["max"]!.GetValue<double>());
        Assert.Equal("DESIGN", fields[2]!["default"]!.GetValue<string>());
    }

    [Fact]
    public async Task Account_admin_reorders_deactivates_and_duplicates_job_types_from_the_list()
    {
        var admin = await fixture.Service.NewAccountAsync("admin");
        var page = await fixture.NewPageAsync();
        await page.SignInAsync(admin.Key);
        await page.OpenScreenAsync("Job types");
        var names = page.Locator("tbody tr td:nth-child(3)");
        await Expect(names.First).ToHaveTextAsync("product_marketing", new() { Timeout = UiWaits.Step });

        await page.GetByRole(AriaRole.Button, new() { Name = "Move Social Media Content up" }).ClickAsync();
        await Expect(names.First).ToHaveTextAsync("social_media", new() { Timeout = UiWaits.Step });

        await page.GetByLabel("Select Blog Header Images").CheckAsync();
        await page.GetByLabel("Select Concept Illustrations").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Deactivate selected" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("2 job type(s) deactivated.", new() { Timeout = UiWaits.Step });
        await Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Blog Header Images" })).ToContainTextAsync("inactive");

        await page.GetByLabel("Select Blog Header Images").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Duplicate selected" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Blog Header Images (copy)" })).ToContainTextAsync("inactive", new() { Timeout = UiWaits.Step });
        await fixture.ScreenshotAsync(page, "04b-job-types-bulk-actions");

        var active = (await admin.JobTypesAsync()).Where(jobType => jobType!["isActive"]!.GetValue<bool>()).Select(jobType => jobType!["jobTypeName"]!.GetValue<string>());
        Assert.DoesNotContain("blog_header", active);
        Assert.DoesNotContain("concept_illustration", active);
        Assert.Contains("social_media", active);
    }
}
