using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using IdeogramJobs.Api.Tests.Infrastructure;

namespace IdeogramJobs.Api.Tests.Webhooks;

/// <summary>On the service without WEBHOOK_ALLOWED_HOSTS or SECRET_ENCRYPTION_KEYS.</summary>
[Collection(ServiceCollection.Name)]
public sealed class WebhookUrlSafetyTests(ServiceFixture service)
{
    [Theory]
    [InlineData("http://127.0.0.1:8080/hook")]
    [InlineData("http://169.254.169.254/latest/meta-data/")]
    [InlineData("http://10.0.0.7/hook")]
    [InlineData("http://[::1]/hook")]
    [InlineData("ftp://93.184.215.14/hook")]
    public async Task Private_loopback_link_local_and_non_http_urls_are_refused_naming_url(string url)
    {
        var account = await service.NewAccountAsync("admin");

        using var response = await account.Http.PostAsJsonAsync("/api/webhooks/endpoints", new { url });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull(JsonNode.Parse(await response.Content.ReadAsStringAsync())!["errors"]!["url"]);
    }

    [Fact]
    public async Task A_jobs_webhook_url_is_checked_the_same_way_naming_webhookUrl()
    {
        var account = await service.NewAccountAsync("admin");

        using var response = await account.Http.PostAsJsonAsync("/api/jobs/execute", new { jobType = "blog_header", prompt = "a harbour", webhookUrl = "http://169.254.169.254/" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull(JsonNode.Parse(await response.Content.ReadAsStringAsync())!["errors"]!["webhookUrl"]);
        Assert.Equal(0, await service.Database.CountAsync($"SELECT COUNT(*) FROM ssnews_jobs WHERE account_id = '{account.AccountId}'"));
    }

    [Fact]
    public async Task Without_a_master_key_creating_an_endpoint_is_a_503_naming_the_variable()
    {
        var account = await service.NewAccountAsync("admin");

        using var response = await account.Http.PostAsJsonAsync("/api/webhooks/endpoints", new { url = "https://93.184.215.14/hook" });
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains("SECRET_ENCRYPTION_KEYS", body);
        Assert.Equal(0, await service.Database.CountAsync($"SELECT COUNT(*) FROM ideogram_webhook_endpoints WHERE account_id = '{account.AccountId}'"));
    }

    [Fact]
    public async Task Without_a_master_key_the_signing_secret_is_a_409_naming_the_variable_and_a_jobs_webhookUrl_is_refused_naming_webhookUrl()
    {
        var account = await service.NewAccountAsync("admin");

        using var secret = await account.Http.GetAsync("/api/webhooks/signing-secret");
        using var job = await account.Http.PostAsJsonAsync("/api/jobs/execute", new { jobType = "blog_header", prompt = "a harbour", webhookUrl = "https://93.184.215.14/hook" });

        Assert.Equal(HttpStatusCode.Conflict, secret.StatusCode);
        Assert.Contains("SECRET_ENCRYPTION_KEYS", await secret.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, job.StatusCode);
        Assert.NotNull(JsonNode.Parse(await job.Content.ReadAsStringAsync())!["errors"]!["webhookUrl"]);
        Assert.Equal(0, await service.Database.CountAsync($"SELECT COUNT(*) FROM ssnews_jobs WHERE account_id = '{account.AccountId}'"));
    }
}
