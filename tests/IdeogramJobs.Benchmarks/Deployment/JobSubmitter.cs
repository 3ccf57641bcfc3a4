using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace IdeogramJobs.Benchmarks.Deployment;

/// <summary>Submits blog_header jobs over the API (DEFAULT rendering speed unless overridden; numImages 1-4 as its UI schema allows).</summary>
public static class JobSubmitter
{
    public const string JobType = "blog_header";

    /// <summary>The new job's id; throws unless the API accepted it.</summary>
    public static async Task<long> SubmitAsync(BenchAccount account, int numImages, string prompt, CancellationToken cancellationToken)
    {
        using var response = await PostAsync(account, numImages, prompt, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        return response.StatusCode == HttpStatusCode.Accepted
            ? JsonNode.Parse(body)!["jobId"]!.GetValue<long>()
            : throw new InvalidOperationException($"execute answered {(int)response.StatusCode}: {body}");
    }

    /// <summary>
    /// Every account submits <paramref name="jobsPerAccount"/> jobs one after another, the accounts
    /// at once; <paramref name="numImages"/> gives each job's images from (account, job) indexes.
    /// </summary>
    public static Task SubmitAllAsync(IReadOnlyList<BenchAccount> accounts, int jobsPerAccount, Func<int, int, int> numImages, string label, CancellationToken cancellationToken) =>
        Task.WhenAll(accounts.Select(async (account, a) =>
        {
            for (var j = 0; j < jobsPerAccount; j++)
            {
                await SubmitAsync(account, numImages(a, j), $"{label} {a}-{j}", cancellationToken);
            }
        }));

    /// <summary>
    /// As <see cref="SubmitAsync(BenchAccount, int, string, CancellationToken)"/> at <paramref name="renderingSpeed"/>;
    /// blog_header lets only an account admin's key override the speed.
    /// </summary>
    public static async Task<long> SubmitAsync(BenchAccount account, int numImages, string renderingSpeed, string prompt, CancellationToken cancellationToken)
    {
        using var response = await account.Http.PostAsJsonAsync("/api/jobs/execute", new { jobType = JobType, prompt, overrides = new { numImages, renderingSpeed } }, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        return response.StatusCode == HttpStatusCode.Accepted
            ? JsonNode.Parse(body)!["jobId"]!.GetValue<long>()
            : throw new InvalidOperationException($"execute answered {(int)response.StatusCode}: {body}");
    }

    /// <summary>POST /api/jobs/execute, whatever it answers.</summary>
    public static Task<HttpResponseMessage> PostAsync(BenchAccount account, int numImages, string prompt, CancellationToken cancellationToken) =>
        account.Http.PostAsJsonAsync("/api/jobs/execute", new { jobType = JobType, prompt, overrides = new { numImages } }, cancellationToken);
}
