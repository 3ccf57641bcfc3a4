using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using IdeogramJobs.Api.Tests.Infrastructure;

namespace IdeogramJobs.Api.Tests.Webhooks;

/// <summary>The webhook endpoints API as the tests use it.</summary>
public static class WebhookEndpointsApi
{
    public const string Path = "/api/webhooks/endpoints";

    /// <summary>Creates an endpoint and answers its id and the secret shown once.</summary>
    public static async Task<(long EndpointId, string Secret)> CreateEndpointAsync(this TestAccount account, string url, string[]? eventTypes = null)
    {
        using var response = await account.Http.PostAsJsonAsync(Path, new { url, eventTypes });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"creating an endpoint answered {(int)response.StatusCode}: {body}");
        var created = JsonNode.Parse(body)!;
        return (created["endpoint"]!["endpointId"]!.GetValue<long>(), created["secret"]!.GetValue<string>());
    }

    public static async Task<JsonArray> DeliveriesAsync(this TestAccount account, long endpointId) =>
        JsonNode.Parse(await account.Http.GetStringAsync($"{Path}/{endpointId}/deliveries"))!.AsArray();
}
