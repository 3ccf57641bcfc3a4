using IdeogramJobs.Ui.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IdeogramJobs.Ui.Tests.Scenarios;

[Collection(UiCollection.Name)]
public sealed class LiveJobsListTests(UiServiceFixture fixture)
{
    /// <summary>Shorter than the 15 s fallback poll: what arrives within it came over the event stream.</summary>
    private const float StreamStep = 8_000;

    [Fact]
    public async Task The_jobs_list_shows_a_new_job_and_its_completion_without_a_reload()
    {
        var admin = await fixture.Service.NewAccountAsync("admin");
        await admin.CreatePosterJobTypeAsync("live_poster");
        var page = await fixture.NewPageAsync();
        await page.SignInAsync(admin.Key);
        await page.OpenScreenAsync("Jobs");
        await Expect(page.GetByTestId("jobs-live")).ToHaveTextAsync("Live", new() { Timeout = UiWaits.Step });
        await Expect(page.GetByText("No jobs yet.")).ToBeVisibleAsync(new() { Timeout = UiWaits.Step });
        var loads = 0;
        page.Load += (_, _) => loads++;

        await fixture.Service.ConfigureSimulatorAsync(new { latencyScale = 0.3 });
        try
        {
            var jobId = await admin.SubmitJobAsync("live_poster", "a harbour followed live", numImages: 2);

            var row = page.Locator($"tr[data-job-id='{jobId}']");
            await Expect(row).ToBeVisibleAsync(new() { Timeout = StreamStep });
            await Expect(row.Locator("td").Nth(2)).ToHaveTextAsync("completed", new() { Timeout = UiWaits.Job });
            await Expect(row.Locator("td").Nth(5)).ToHaveTextAsync("2", new() { Timeout = StreamStep });
            await fixture.ScreenshotAsync(page, "40-jobs-live");
        }
        finally
        {
            await fixture.Service.ConfigureSimulatorAsync(new { latencyScale = 0 });
        }

        Assert.Equal(0, loads);
    }
}
