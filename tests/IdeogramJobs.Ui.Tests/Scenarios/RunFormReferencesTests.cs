using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using IdeogramJobs.Api.Tests.Infrastructure;
using IdeogramJobs.Ui.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IdeogramJobs.Ui.Tests.Scenarios;

[Collection(UiCollection.Name)]
public sealed class RunFormReferencesTests(UiServiceFixture fixture)
{
    private static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    [Fact]
    public async Task User_attaches_three_style_references_and_a_character_is_refused_a_too_large_one_before_sending_and_the_job_runs_with_them()
    {
        var admin = await fixture.Service.NewAccountAsync("admin");
        await CreateGeneralJobTypeAsync(admin, "ref_poster", numImages: 1);
        var user = await fixture.Service.UserOfAsync(admin);
        var page = await fixture.NewPageAsync();
        var executeRequests = new List<Microsoft.Playwright.IRequest>();
        page.Request += (_, request) =>
        {
            if (request.Url.EndsWith("/api/jobs/execute", StringComparison.Ordinal))
            {
                executeRequests.Add(request);
            }
        };
        await page.SignInAsync(user.Key);
        await page.OpenScreenAsync("Run a job");
        await page.GetByLabel("Job type").SelectOptionAsync(new SelectOptionValue { Label = "Reference ref_poster" });
        var prompt = $"a harbour at dawn {Guid.NewGuid():N}";
        await page.GetByLabel("Image Description").FillAsync(prompt);
        var picker = page.Locator("#style-references-input");

        await picker.SetInputFilesAsync(new[] { Image("one.png", Png), Image("two.png", Png) });
        var tooLarge = new byte[10_000_001];
        Png.CopyTo(tooLarge, 0);
        await picker.SetInputFilesAsync(Image("huge.png", tooLarge));
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("huge.png (10.0 MB) is too large", new() { Timeout = UiWaits.Step });
        await picker.SetInputFilesAsync(Image("three.png", Png));
        var chosen = page.GetByRole(AriaRole.List, new() { Name = "Style reference images: chosen" });
        await Expect(chosen.GetByRole(AriaRole.Img)).ToHaveCountAsync(3);
        await Expect(chosen).Not.ToContainTextAsync("huge.png");
        await Expect(page.GetByRole(AriaRole.Group, new() { Name = "Style reference images" }).GetByRole(AriaRole.Button, new() { Name = "Choose images…" })).ToBeDisabledAsync();
        await page.Locator("#character-reference-input").SetInputFilesAsync(Image("face.png", Png));
        await Expect(page.GetByRole(AriaRole.List, new() { Name = "Character reference image: chosen" }).GetByRole(AriaRole.Img)).ToHaveCountAsync(1);
        await fixture.ScreenshotAsync(page, "20-run-a-job-style-references");
        Assert.Empty(executeRequests);

        await page.GetByRole(AriaRole.Button, new() { Name = "Generate images" }).ClickAsync();
        await Expect(page.GetByTestId("job-status").First).ToHaveTextAsync("completed", new() { Timeout = UiWaits.Job });

        var sent = Assert.Single(executeRequests);
        Assert.StartsWith("multipart/form-data", await sent.HeaderValueAsync("content-type") ?? string.Empty);
        var generate = await SentGenerateRequestsAsync(prompt);
        var fields = Assert.Single(generate)!["fields"]!.AsArray();
        Assert.Equal(3, fields.Count(f => f!["name"]!.GetValue<string>() == "style_reference_images"));
        Assert.Equal(1, fields.Count(f => f!["name"]!.GetValue<string>() == "character_reference_images"));
    }

    [Fact]
    public async Task User_regenerates_a_finished_job_exactly_and_each_image_is_replayed_with_its_seed()
    {
        var admin = await fixture.Service.NewAccountAsync("admin");
        await CreateGeneralJobTypeAsync(admin, "replay_poster", numImages: 2);
        var user = await fixture.Service.UserOfAsync(admin);
        var page = await fixture.NewPageAsync();
        await page.SignInAsync(user.Key);
        await page.OpenScreenAsync("Run a job");
        await page.GetByLabel("Job type").SelectOptionAsync(new SelectOptionValue { Label = "Reference replay_poster" });
        var prompt = $"a windmill in fog {Guid.NewGuid():N}";
        await page.GetByLabel("Image Description").FillAsync(prompt);
        await page.GetByRole(AriaRole.Button, new() { Name = "Generate images" }).ClickAsync();
        await Expect(page.GetByTestId("job-status")).ToHaveTextAsync("completed", new() { Timeout = UiWaits.Job });
        var jobs = JsonNode.Parse(await user.Http.GetStringAsync("/api/jobs?jobType=replay_poster"))!["items"]!.AsArray();
        var original = Assert.Single(jobs)!["jobId"]!.GetValue<long>();
        var results = JsonNode.Parse(await user.Http.GetStringAsync($"/api/jobs/{original}/results"))!;
        var seeds = results["images"]!.AsArray().Select(i => i!["seed"]!.GetValue<long>().ToString()).Order().ToList();

        await page.GetByRole(AriaRole.Group, new() { Name = $"Regenerate job {original}" }).GetByRole(AriaRole.Button, new() { Name = "Regenerate the same" }).ClickAsync();

        var regenerations = page.GetByRole(AriaRole.List, new() { Name = $"Regenerations of job {original}" });
        await Expect(regenerations.GetByTestId("regenerated-job")).ToHaveCountAsync(2, new() { Timeout = UiWaits.Step });
        await Expect(regenerations.GetByTestId("job-status").Nth(0)).ToHaveTextAsync("completed", new() { Timeout = UiWaits.Job });
        await Expect(regenerations.GetByTestId("job-status").Nth(1)).ToHaveTextAsync("completed", new() { Timeout = UiWaits.Job });
        await Expect(regenerations).ToContainTextAsync(new Regex($"Replays image 1 with seed {results["images"]![0]!["seed"]}"));
        await fixture.ScreenshotAsync(page, "21-run-a-job-regenerated-exactly");
        var replayedSeeds = (await SentGenerateRequestsAsync(prompt)).Skip(1)
            .Select(r => r!["fields"]!.AsArray().Single(f => f!["name"]!.GetValue<string>() == "seed")!["value"]!.GetValue<string>())
            .Order()
            .ToList();
        Assert.Equal(seeds, replayedSeeds);
    }

    /// <summary>A job type in style GENERAL (references need Auto or General) whose form offers only the prompt.</summary>
    private static async Task CreateGeneralJobTypeAsync(TestAccount admin, string jobTypeName, int numImages)
    {
        using var response = await admin.Http.PostAsJsonAsync("/api/jobs/configurations", new
        {
            jobTypeName,
            displayName = "Reference " + jobTypeName,
            defaultSettings = new { styleType = "GENERAL", aspectRatio = "1:1", magicPrompt = "OFF", renderingSpeed = "TURBO", numImages },
            uiSchema = new { fields = new object[] { new { name = "prompt", type = "textarea", label = "Image Description", required = true } } },
            executionOrder = 0,
        });
        Assert.True(response.IsSuccessStatusCode, $"creating job type {jobTypeName}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    private static FilePayload Image(string name, byte[] content) => new() { Name = name, MimeType = "image/png", Buffer = content };

    /// <summary>The generate requests the simulator answered 200 for this prompt, oldest first.</summary>
    private async Task<List<JsonNode?>> SentGenerateRequestsAsync(string prompt)
    {
        var requests = JsonNode.Parse(await fixture.Service.Simulator.GetStringAsync("/_simulator/requests"))!.AsArray();
        return [.. requests.Where(r => r!["status"]!.GetValue<int>() == 200
            && r["fields"]!.AsArray().Any(f => f!["name"]!.GetValue<string>() == "prompt" && f["value"]!.GetValue<string>().Contains(prompt, StringComparison.Ordinal)))];
    }
}
