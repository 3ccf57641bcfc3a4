using System.Net.Http.Json;
using System.Text.Json.Nodes;
using IdeogramJobs.Ui.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IdeogramJobs.Ui.Tests.Scenarios;

/// <summary>The job-type editor saves only what was edited; the run form folds advanced settings away.</summary>
[Collection(UiCollection.Name)]
public sealed class JobTypeRoundTripTests(UiServiceFixture fixture)
{
    private const string Defaults = """
        {"styleType":"GENERAL","magicPrompt":"OFF","renderingSpeed":"TURBO","numImages":1,"seed":12345,
         "resolution":"1024x1024","stylePreset":"BRIGHT_ART","styleCodes":[],
         "colorPalette":{"members":[{"color":"#1B365D","weight":0.7},"#FFFFFF"]},"negativePrompt":"blurry"}
        """;

    private const string Form = """
        {"fields":[
          {"name":"prompt","type":"textarea","label":"Image Description","required":true,"placeholder":"Describe it..."},
          {"name":"numImages","type":"slider","label":"Number of Images","min":1,"max":3,"default":1,"helpText":"More images take longer."},
          {"name":"seed","type":"number","label":"Seed","min":0,"max":2147483647,"group":"advanced"}]}
        """;

    [Fact]
    public async Task Editing_only_the_description_of_a_job_type_leaves_every_other_setting_as_it_was()
    {
        var admin = await fixture.Service.NewAccountAsync("admin");
        var before = await CreateJobTypeAsync(admin.Http, "ui_round_trip", "Round Trip Posters");
        var page = await fixture.NewPageAsync();
        await page.SignInAsync(admin.Key);
        await page.OpenScreenAsync("Job types");

        await page.GetByRole(AriaRole.Button, new() { Name = "Edit Round Trip Posters" }).ClickAsync();
        await page.GetByLabel("Description", new() { Exact = true }).FillAsync("Posters whose description alone was edited");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save job type" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Saved Round Trip Posters.", new() { Timeout = UiWaits.Step });
        await fixture.ScreenshotAsync(page, "04c-job-type-saved-after-description-edit");

        var after = (await admin.JobTypesAsync()).Single(jobType => jobType!["jobTypeName"]!.GetValue<string>() == "ui_round_trip")!;
        Assert.Equal("Posters whose description alone was edited", after["description"]!.GetValue<string>());
        Assert.True(JsonNode.DeepEquals(before["defaultSettings"], after["defaultSettings"]), after["defaultSettings"]!.ToJsonString());
        Assert.True(JsonNode.DeepEquals(before["uiSchema"], after["uiSchema"]), after["uiSchema"]!.ToJsonString());
        foreach (var member in new[] { "displayName", "isActive", "executionOrder" })
        {
            Assert.True(JsonNode.DeepEquals(before[member], after[member]), $"{member}: {after[member]}");
        }
    }

    [Fact]
    public async Task The_run_form_keeps_a_seeded_job_types_seed_under_advanced_settings_until_opened()
    {
        var user = await fixture.Service.NewAccountAsync();
        var page = await fixture.NewPageAsync();
        await page.SignInAsync(user.Key);
        await page.OpenScreenAsync("Run a job");
        await page.GetByLabel("Job type").SelectOptionAsync(new SelectOptionValue { Label = "Social Media Content" });

        var advanced = page.Locator("details.field-group", new() { HasText = "Advanced settings" });
        var seed = page.GetByLabel("Seed");
        await Expect(advanced).ToBeVisibleAsync(new() { Timeout = UiWaits.Step });
        await Expect(advanced).Not.ToHaveAttributeAsync("open", string.Empty);
        await Expect(seed).ToBeHiddenAsync();
        await Expect(page.GetByRole(AriaRole.Group, new() { Name = "Style Codes" })).ToBeVisibleAsync();

        await page.GetByText("Advanced settings").ClickAsync();
        await Expect(seed).ToBeVisibleAsync(new() { Timeout = UiWaits.Step });
        await seed.FillAsync("42");
        await Expect(page.Locator(".settings-preview [data-setting='seed']")).ToContainTextAsync("42", new() { Timeout = UiWaits.Step });
        await fixture.ScreenshotAsync(page, "05b-run-form-advanced-seed");
    }

    private static async Task<JsonNode> CreateJobTypeAsync(HttpClient admin, string jobTypeName, string displayName)
    {
        var draft = new JsonObject
        {
            ["jobTypeName"] = jobTypeName,
            ["displayName"] = displayName,
            ["description"] = "Posters for the round-trip test",
            ["defaultSettings"] = JsonNode.Parse(Defaults),
            ["uiSchema"] = JsonNode.Parse(Form),
            ["executionOrder"] = 0,
        };
        using var response = await admin.PostAsJsonAsync("/api/jobs/configurations", draft);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"creating job type {jobTypeName}: {(int)response.StatusCode} {body}");
        return JsonNode.Parse(body)!;
    }
}
