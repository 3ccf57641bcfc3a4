using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using IdeogramJobs.Api.Tests.Infrastructure;

namespace IdeogramJobs.Api.Tests.Webhooks;

/// <summary>The account signing secret and the jobs' own webhook deliveries as the tests use them.</summary>
public static class SigningSecretApi
{
    public const string SecretPath = "/api/webhooks/signing-secret";
    public const string DeliveriesPath = "/api/webhooks/job-deliveries";

    public static async Task<JsonNode> SigningSecretAsync(this TestAccount account) =>
        JsonNode.Parse(await account.Http.GetStringAsync(SecretPath))!;

    public static async Task<JsonNode> RotateSigningSecretAsync(this TestAccount account)
    {
        using var response = await account.Http.PostAsync(SecretPath + "/rotate", null);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"rotating the signing secret answered {(int)response.StatusCode}: {body}");
        return JsonNode.Parse(body)!;
    }

    public static async Task<JsonArray> JobDeliveriesAsync(this TestAccount account) =>
        JsonNode.Parse(await account.Http.GetStringAsync(DeliveriesPath))!.AsArray();

    /// <summary>Submits a job with its own webhookUrl (and an Idempotency-Key when given); answers the response for the test to read.</summary>
    public static async Task<HttpResponseMessage> ExecuteWithWebhookAsync(this TestAccount account, string prompt, string? webhookUrl, string? idempotencyKey = null, object? overrides = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/jobs/execute")
        {
            Content = JsonContent.Create(new { jobType = "blog_header", prompt, overrides, webhookUrl }),
        };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return await account.Http.SendAsync(request);
    }
}
