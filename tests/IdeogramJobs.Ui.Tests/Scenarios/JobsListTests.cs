using IdeogramJobs.Ui.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IdeogramJobs.Ui.Tests.Scenarios;

[Collection(UiCollection.Name)]
public sealed class JobsListTests(UiServiceFixture fixture)
{
    [Fact]
    public async Task User_cancels_a_running_job_from_the_list_then_retries_it_to_completion()
    {
        var admin = await fixture.Service.NewAccountAsync("admin");
        await admin.CreatePosterJobTypeAsync("slow_poster");
        var page = await fixture.NewPageAsync();
        await page.SignInAsync(admin.Key);

        // Real simulator latency keeps the job running long enough to be cancelled.
        await fixture.Service.ConfigureSimulatorAsync(new { latencyScale = 1 });
        try
        {
            var jobId = await admin.SubmitJobAsync("slow_poster", "a slow sunrise", numImages: 3);
            await page.OpenScreenAsync("Jobs");
            var row = page.Locator($"tr[data-job-id='{jobId}']");
            await row.GetByRole(AriaRole.Button, new() { Name = $"Cancel job {jobId}" }).ClickAsync();
            await Expect(row.Locator("td").Nth(2)).ToHaveTextAsync("cancelled", new() { Timeout = UiWaits.Step });
            await fixture.ScreenshotAsync(page, "17-jobs-cancelled");

            await fixture.Service.ConfigureSimulatorAsync(new { latencyScale = 0 });
            await row.GetByRole(AriaRole.Button, new() { Name = $"Retry job {jobId}" }).ClickAsync();
            await Expect(row.Locator("td").Nth(2)).ToHaveTextAsync("completed", new() { Timeout = UiWaits.Job });
            await Expect(row.Locator("td").Nth(5)).ToHaveTextAsync("3", new() { Timeout = UiWaits.Step });
        }
        finally
        {
            await fixture.Service.ConfigureSimulatorAsync(new { latencyScale = 0 });
        }
    }
}
