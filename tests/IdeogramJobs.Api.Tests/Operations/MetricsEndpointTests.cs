using System.Net;
using IdeogramJobs.Api.Tests.Infrastructure;
using IdeogramJobs.Testing;

namespace IdeogramJobs.Api.Tests.Operations;

[Collection(ServiceCollection.Name)]
public sealed class MetricsEndpointTests(ServiceFixture service)
{
    private static readonly TimeSpan ScrapeWait = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_completed_job_shows_in_the_silo_metrics_with_its_type_and_the_generation_time()
    {
        var account = await service.NewAccountAsync();
        var jobId = await account.ExecuteAsync("blog_header", "a harbour at dawn");
        await account.WaitForAsync(jobId, "completed");

        using var silo = service.SiloHttp();
        var metrics = await Eventually.Until(
            () => silo.GetStringAsync("/metrics"),
            text => Series(text, "ideogramjobs_jobs_finished_total").Any(l => l.Contains("job_type=\"blog_header\"") && l.Contains("outcome=\"completed\"")),
            ScrapeWait,
            "the silo's /metrics to count a completed blog_header job");

        Assert.Contains(Series(metrics, "ideogramjobs_generation_duration_seconds_bucket"), l => l.Contains("outcome=\"ok\""));
        Assert.Contains(Series(metrics, "ideogramjobs_jobs_queue_wait_seconds_count"), l => l.Contains("job_type=\"blog_header\""));
        Assert.Contains(Series(metrics, "ideogramjobs_storage_uploads_total"), l => l.Contains("store=\"disk\"") && l.Contains("outcome=\"ok\""));
        Assert.Contains(Series(metrics, "ideogramjobs_provider_inflight_images"), l => l.Contains("key_identity=\"service\""));
    }

    [Fact]
    public async Task An_ideogram_429_shows_as_over_limit_and_as_a_retry_of_that_cause()
    {
        var account = await service.NewAccountAsync();
        await service.ConfigureSimulatorAsync(new { retryAfterSeconds = 1, failureRates = new { rateLimited = 1.0 } });
        long jobId;
        try
        {
            jobId = await account.ExecuteAsync("blog_header", "a kite over dunes");
            using var silo = service.SiloHttp();
            var metrics = await Eventually.Until(
                () => silo.GetStringAsync("/metrics"),
                text => Series(text, "ideogramjobs_attempts_retried_total").Any(l => l.Contains("cause=\"provider_over_limit\"")),
                ScrapeWait,
                "the silo's /metrics to count an attempt retried after Ideogram's 429");
            Assert.Contains(Series(metrics, "ideogramjobs_provider_over_limit_total"), l => !l.EndsWith(" 0", StringComparison.Ordinal));
            Assert.Contains(Series(metrics, "ideogramjobs_generation_duration_seconds_count"), l => l.Contains("outcome=\"rate_limited\""));
        }
        finally
        {
            await service.ConfigureSimulatorAsync(new { failureRates = new { rateLimited = 0.0 } });
        }

        await account.WaitForAsync(jobId, "completed");
    }

    [Fact]
    public async Task Metrics_are_anonymous_and_carry_no_key_or_secret()
    {
        var account = await service.NewAccountAsync();
        var jobId = await account.ExecuteAsync("blog_header", "a quiet library");
        await account.WaitForAsync(jobId, "completed");

        using var anonymous = service.Anonymous();
        var api = await Eventually.Until(
            () => anonymous.GetStringAsync("/metrics"),
            text => Series(text, "http_server_request_duration_seconds_count").Any(),
            ScrapeWait,
            "the API's /metrics to show its own HTTP requests");
        using var silo = service.SiloHttp();
        var siloMetrics = await silo.GetStringAsync("/metrics");

        foreach (var secret in new[] { service.AdminKey, account.Key, ServiceFixture.IdeogramKey, DatabasePassword() })
        {
            Assert.DoesNotContain(secret, api, StringComparison.Ordinal);
            Assert.DoesNotContain(secret, siloMetrics, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_silo_listener_answers_ready_and_serves_orleans_metrics()
    {
        using var silo = service.SiloHttp();

        using var ready = await silo.GetAsync("/health/ready");
        var body = await ready.Content.ReadAsStringAsync();
        Assert.True(ready.StatusCode == HttpStatusCode.OK, $"/health/ready answered {(int)ready.StatusCode}: {body}");
        Assert.Contains("\"membership\"", body);
        Assert.Contains("\"database\"", body);

        using var live = await silo.GetAsync("/health/live");
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);

        await Eventually.Until(
            () => silo.GetStringAsync("/metrics"),
            text => text.Split('\n').Any(l => l.StartsWith("orleans_", StringComparison.Ordinal)),
            ScrapeWait,
            "the silo's /metrics to carry Orleans' own series (orleans_*)");
    }

    private string DatabasePassword() => Uri.UnescapeDataString(new Uri(service.Database.Url).UserInfo.Split(':')[1]);

    /// <summary>The sample lines of one series (name then labels or a space), comments left out.</summary>
    private static IEnumerable<string> Series(string text, string name) =>
        text.Split('\n').Where(l => l.StartsWith(name + "{", StringComparison.Ordinal) || l.StartsWith(name + " ", StringComparison.Ordinal));
}
