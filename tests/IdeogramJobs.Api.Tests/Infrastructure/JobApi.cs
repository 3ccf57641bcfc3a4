using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using IdeogramJobs.Testing;

namespace IdeogramJobs.Api.Tests.Infrastructure;

/// <summary>Submitting and following jobs over HTTP, for the tests.</summary>
public static class JobApi
{
    public static async Task<long> ExecuteAsync(this TestAccount account, string jobType, string prompt, object? overrides = null)
    {
        using var response = await account.Http.PostAsJsonAsync("/api/jobs/execute", new { jobType, prompt, overrides });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"execute answered {(int)response.StatusCode}: {body}");
        return JsonNode.Parse(body)!["jobId"]!.GetValue<long>();
    }

    public static async Task<JsonNode> StatusAsync(this TestAccount account, long jobId) =>
        JsonNode.Parse(await account.Http.GetStringAsync($"/api/jobs/{jobId}/status"))!;

    /// <summary>Polls the status endpoint until the job has the status (or another terminal one, which fails the test).</summary>
    public static async Task<JsonNode> WaitForAsync(this TestAccount account, long jobId, string status, int seconds = 60)
    {
        var last = await Eventually.Until(
            () => account.StatusAsync(jobId),
            s => s["status"]!.GetValue<string>() is var current && (current == status || current is "completed" or "failed" or "cancelled"),
            TimeSpan.FromSeconds(seconds),
            $"job {jobId} to be {status}",
            TimeSpan.FromMilliseconds(200));
        Assert.True(last["status"]!.GetValue<string>() == status, $"job {jobId} ended {last["status"]}: {last["errorMessage"]}");
        return last;
    }
}
