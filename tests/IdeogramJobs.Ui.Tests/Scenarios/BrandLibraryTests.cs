using System.Net.Http.Json;
using System.Text.Json.Nodes;
using IdeogramJobs.Ui.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IdeogramJobs.Ui.Tests.Scenarios;

[Collection(UiCollection.Name)]
public sealed class BrandLibraryTests(UiServiceFixture fixture)
{
    [Fact]
    public async Task Admin_adds_a_palette_runs_a_job_with_it_and_cannot_delete_it_while_a_job_type_uses_it()
    {
        var admin = await fixture.Service.NewAccountAsync("admin");
        await admin.CreatePosterJobTypeAsync("brand_poster");
        var page = await fixture.NewPageAsync();
        await page.SignInAsync(admin.Key);
        await page.OpenScreenAsync("Brand library");

        var addPalette = page.GetByRole(AriaRole.Form, new() { Name = "Add palette" });
        await addPalette.GetByLabel("Name", new() { Exact = true }).FillAsync("Harbour");
        await addPalette.GetByLabel("Colours (hex, comma-separated) or a preset name").FillAsync("#1B365D, #F4F4F4");
        await addPalette.GetByRole(AriaRole.Button, new() { Name = "Add palette" }).ClickAsync();
        var entry = page.GetByRole(AriaRole.Listitem, new() { Name = "Harbour" });
        await Expect(entry.GetByLabel("Colours #1B365D #F4F4F4")).ToBeVisibleAsync(new() { Timeout = UiWaits.Step });
        await fixture.ScreenshotAsync(page, "brand-01-library");

        await page.OpenScreenAsync("Run a job");
        await page.GetByLabel("Job type").SelectOptionAsync(new SelectOptionValue { Label = "Poster brand_poster" });
        var prompt = "a harbour poster " + Guid.NewGuid().ToString("N")[..8];
        await page.GetByLabel("Image Description").FillAsync(prompt);
        await page.GetByLabel("Brand palette").SelectOptionAsync(new SelectOptionValue { Label = "Harbour" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Generate images" }).ClickAsync();
        await Expect(page.GetByTestId("job-status")).ToHaveTextAsync("completed", new() { Timeout = UiWaits.Job });
        Assert.Equal(["#1B365D", "#F4F4F4"], await SentPaletteAsync(prompt));

        var paletteId = JsonNode.Parse(await admin.Http.GetStringAsync("/api/brand/palettes"))!.AsArray().Single()!["id"]!.GetValue<long>();
        await CreateJobTypeNamingAsync(admin, "brand_launch", paletteId);
        await page.OpenScreenAsync("Brand library");
        await entry.GetByRole(AriaRole.Button, new() { Name = "Delete" }).ClickAsync();
        await Expect(entry.GetByRole(AriaRole.Alert)).ToContainTextAsync("brand_launch", new() { Timeout = UiWaits.Step });
        await fixture.ScreenshotAsync(page, "brand-02-delete-refused");
        await page.ReloadAsync();
        await Expect(page.GetByRole(AriaRole.Listitem, new() { Name = "Harbour" })).ToBeVisibleAsync(new() { Timeout = UiWaits.Step });
    }

    private async Task<IReadOnlyList<string>> SentPaletteAsync(string prompt)
    {
        var requests = JsonNode.Parse(await fixture.Service.Simulator.GetStringAsync("/_simulator/requests"))!.AsArray();
        var fields = requests.Last(r => r!["fields"]!.AsArray().Any(f => f!["name"]!.GetValue<string>() == "prompt" && f["value"]!.GetValue<string>().Contains(prompt, StringComparison.Ordinal)))!["fields"]!.AsArray();
        var palette = JsonNode.Parse(fields.Single(f => f!["name"]!.GetValue<string>() == "color_palette")!["value"]!.GetValue<string>())!;
        return [.. palette["members"]!.AsArray().Select(m => m!["color_hex"]!.GetValue<string>())];
    }

    private static async Task CreateJobTypeNamingAsync(IdeogramJobs.Api.Tests.Infrastructure.TestAccount admin, string jobTypeName, long paletteId)
    {
        using var response = await admin.Http.PostAsJsonAsync("/api/jobs/configurations", new
        {
            jobTypeName,
            displayName = "Launch " + jobTypeName,
            defaultSettings = new { aspectRatio = "16:9", numImages = 1, colorPalette = new { name = $"brand:{paletteId}" } },
            uiSchema = new { fields = new object[] { new { name = "prompt", type = "textarea", label = "Image Description", required = true } } },
        });
        Assert.True(response.IsSuccessStatusCode, $"creating job type {jobTypeName}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }
}
