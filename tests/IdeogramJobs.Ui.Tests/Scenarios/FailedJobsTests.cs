using IdeogramJobs.Ui.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IdeogramJobs.Ui.Tests.Scenarios;

[Collection(UiCollection.Name)]
public sealed class FailedJobsTests(UiServiceFixture fixture)
{
    [Fact]
    public async Task User_sees_why_a_job_failed_and_its_attempts_then_retries_it_to_completion()
    {
        var admin = await fixture.Service.NewAccountAsync("admin");
        await admin.CreatePosterJobTypeAsync("flaky_poster");
        var user = await fixture.Service.UserOfAsync(admin);

        // Every Ideogram call answers 500: the job spends its attempts and fails.
        await fixture.Service.ConfigureSimulatorAsync(new { failureRates = new { serverError = 1.0 } });
        long jobId;
        try
        {
            jobId = await user.SubmitJobAsync("flaky_poster", "a poster on a bad day", numImages: 1);
            await Testing.Eventually.Until(
                async () => (await user.Http.GetStringAsync($"/api/jobs/{jobId}/status")).Contains("\"failed\"", StringComparison.Ordinal),
                TimeSpan.FromSeconds(60),
                $"job {jobId} to fail");
        }
        finally
        {
            await fixture.Service.ConfigureSimulatorAsync(new { failureRates = new { serverError = 0.0 } });
        }

        var page = await fixture.NewPageAsync();
        await page.SignInAsync(user.Key);
        await page.OpenScreenAsync("Failed jobs");
        var item = page.Locator($"li.failed-job[data-job-id='{jobId}']");
        await Expect(item.GetByTestId("failure-reason")).ToContainTextAsync("500", new() { Timeout = UiWaits.Step });

        await item.GetByRole(AriaRole.Button, new() { Name = "Show attempts" }).ClickAsync();
        var attempts = item.GetByRole(AriaRole.List, new() { Name = $"Attempts of job {jobId}" });
        await Expect(attempts.GetByRole(AriaRole.Listitem)).Not.ToHaveCountAsync(0, new() { Timeout = UiWaits.Step });
        await Expect(attempts).ToContainTextAsync("failed", new() { Timeout = UiWaits.Step });
        await fixture.ScreenshotAsync(page, "41-failed-jobs");

        await item.GetByRole(AriaRole.Checkbox, new() { Name = $"Select failed job {jobId}" }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Retry selected (1)" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("1 job(s) queued again.", new() { Timeout = UiWaits.Step });

        // Retried, it completes and leaves the failed list without a reload.
        await Expect(item).ToHaveCountAsync(0, new() { Timeout = UiWaits.Job });
        await Expect(page.GetByText("No failed jobs.")).ToBeVisibleAsync(new() { Timeout = UiWaits.Step });
        await Testing.Eventually.Until(
            async () => (await user.Http.GetStringAsync($"/api/jobs/{jobId}/status")).Contains("\"completed\"", StringComparison.Ordinal),
            TimeSpan.FromSeconds(60),
            $"retried job {jobId} to complete");
    }
}
