using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using IdeogramJobs.Api.Tests.Infrastructure;

namespace IdeogramJobs.Api.Tests.Webhooks;

[Collection(WebhookCollection.Name)]
public sealed class WebhookEndpointsApiTests(WebhookServiceFixture service)
{
    [Fact]
    public async Task The_secret_is_shown_on_create_and_rotate_and_never_in_reads()
    {
        var account = await service.NewAccountAsync("admin");
        var (endpointId, secret) = await account.CreateEndpointAsync(service.Receiver.Url("/crud"));
        Assert.StartsWith("whsec_", secret);

        var list = await account.Http.GetStringAsync(WebhookEndpointsApi.Path);
        var one = await account.Http.GetStringAsync($"{WebhookEndpointsApi.Path}/{endpointId}");
        Assert.DoesNotContain(secret[6..], list);
        Assert.DoesNotContain(secret[6..], one);
        Assert.DoesNotContain("whsec_", list + one);
        var stored = await service.Database.QueryAsync($"SELECT secret FROM ideogram_webhook_endpoints WHERE endpoint_id = {endpointId}");
        Assert.StartsWith("v1.test1.", stored[0]["secret"]);

        using var rotated = await account.Http.PostAsync($"{WebhookEndpointsApi.Path}/{endpointId}/rotate-secret", null);
        var body = JsonNode.Parse(await rotated.Content.ReadAsStringAsync())!;
        Assert.Equal(HttpStatusCode.OK, rotated.StatusCode);
        Assert.NotEqual(secret, body["secret"]!.GetValue<string>());
        Assert.NotNull(body["endpoint"]!["previousSecretUntil"]);
    }

    [Fact]
    public async Task An_admin_changes_events_disables_and_deletes_an_endpoint()
    {
        var account = await service.NewAccountAsync("admin");
        var (endpointId, _) = await account.CreateEndpointAsync(service.Receiver.Url("/change"));

        using var changed = await account.Http.PatchAsJsonAsync($"{WebhookEndpointsApi.Path}/{endpointId}", new { eventTypes = new[] { "job.failed" }, enabled = false });
        var endpoint = JsonNode.Parse(await changed.Content.ReadAsStringAsync())!;
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal(["job.failed"], endpoint["eventTypes"]!.AsArray().Select(e => e!.GetValue<string>()));
        Assert.False(endpoint["enabled"]!.GetValue<bool>());

        using var unknownEvent = await account.Http.PatchAsJsonAsync($"{WebhookEndpointsApi.Path}/{endpointId}", new { eventTypes = new[] { "job.exploded" } });
        Assert.Equal(HttpStatusCode.BadRequest, unknownEvent.StatusCode);
        Assert.NotNull(JsonNode.Parse(await unknownEvent.Content.ReadAsStringAsync())!["errors"]!["eventTypes"]);

        using var deleted = await account.Http.DeleteAsync($"{WebhookEndpointsApi.Path}/{endpointId}");
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        using var gone = await account.Http.GetAsync($"{WebhookEndpointsApi.Path}/{endpointId}");
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    [Fact]
    public async Task User_keys_cannot_manage_endpoints_and_accounts_do_not_see_each_others()
    {
        var owner = await service.NewAccountAsync("admin");
        var (endpointId, _) = await owner.CreateEndpointAsync(service.Receiver.Url("/private"));
        var user = await service.NewAccountAsync("user");
        var otherAdmin = await service.NewAccountAsync("admin");

        using var byUser = await user.Http.PostAsJsonAsync(WebhookEndpointsApi.Path, new { url = service.Receiver.Url("/x") });
        using var byOther = await otherAdmin.Http.GetAsync($"{WebhookEndpointsApi.Path}/{endpointId}");

        Assert.Equal(HttpStatusCode.Forbidden, byUser.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, byOther.StatusCode);
    }

    [Fact]
    public async Task The_service_admin_manages_an_accounts_endpoints_by_naming_it()
    {
        var account = await service.NewAccountAsync("admin");
        using var request = new HttpRequestMessage(HttpMethod.Post, WebhookEndpointsApi.Path) { Content = JsonContent.Create(new { url = service.Receiver.Url("/by-admin") }) };
        request.Headers.Add("X-Account-Id", account.AccountId);

        using var created = await service.Admin.SendAsync(request);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Single(JsonNode.Parse(await account.Http.GetStringAsync(WebhookEndpointsApi.Path))!.AsArray());
    }
}
