using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace IdeogramJobs.Benchmarks.Deployment;

/// <summary>Submits blog_header jobs over the API (DEFAULT rendering speed; numImages 1-4 as its UI schema allows).</summary>
public static class JobSubmitter
{
    public const string JobType = "blog_header";

    public static async Task<long> SubmitAsync(BenchAccount account, int numImages, string prompt, CancellationToken cancellationToken)
    {
        using var response = await account.Http.PostAsJsonAsync(
            "/api/jobs/execute",
            new { jobType = JobType, prompt, overrides = new { numImages } },
            cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        return response.StatusCode == HttpStatusCode.Accepted
            ? JsonNode.Parse(body)!["jobId"]!.GetValue<long>()
            : throw new InvalidOperationException($"execute answered {(int)response.StatusCode}: {body}");
    }
}
