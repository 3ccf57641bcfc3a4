using System.Net;
using System.Text.Json.Nodes;
using IdeogramJobs.Api.Tests.Infrastructure;
using IdeogramJobs.Testing;
using IdeogramJobs.Testing.Webhooks;

namespace IdeogramJobs.Api.Tests.Webhooks;

/// <summary>A job event's image URLs are built when the delivery is sent, from what the outbox row stores.</summary>
[Collection(WebhookCollection.Name)]
public sealed class WebhookImageUrlTests(WebhookServiceFixture service)
{
    private const string OldBase = "http://old-address.example:8123";
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(60);

    private WebhookReceiver Receiver => service.Receiver;

    [Fact]
    public async Task A_queued_deliverys_image_urls_follow_the_services_current_PUBLIC_BASE_URL_when_it_is_sent()
    {
        var account = await service.NewAccountAsync("admin");
        var path = "/urls/" + Guid.NewGuid().ToString("N");
        var (endpointId, secret) = await account.CreateEndpointAsync(Receiver.Url(path));
        Receiver.Trust(secret);

        long jobId;
        Receiver.AnswerStatus = (int)HttpStatusCode.ServiceUnavailable;
        try
        {
            jobId = await account.ExecuteAsync("blog_header", "a harbour crane", new { numImages = 2 });
            await account.WaitForAsync(jobId, "completed");
            await Eventually.Until(() => account.DeliveriesAsync(endpointId),
                l => l.Count == 1 && l[0]!["lastResponseCode"]?.GetValue<int>() == 503,
                Within, "a refused attempt in the delivery log");

            // The row as the service left it when it answered at another address (PUBLIC_BASE_URL was OldBase):
            // the first image keeps its storage path; the second is as rows queued before paths were kept.
            var stored = await PayloadAsync(jobId);
            Assert.All(stored["data"]!["images"]!.AsArray(), i => Assert.StartsWith("/", i!["storagePath"]!.GetValue<string>()));
            await service.Database.ExecuteAsync($"""
                UPDATE ideogram_webhook_deliveries
                SET payload = JSON_REMOVE(REPLACE(payload, '{service.ApiBase.ToString().TrimEnd('/')}/media/', '{OldBase}/media/'), '$.data.images[1].storagePath')
                WHERE job_id = {jobId} AND event_type = 'job.completed'
                """);
            var moved = (await PayloadAsync(jobId))["data"]!["images"]!.AsArray();
            Assert.All(moved, i => Assert.StartsWith(OldBase + "/media/", i!["url"]!.GetValue<string>()));
            Assert.Null(moved[1]!["storagePath"]);
        }
        finally
        {
            Receiver.AnswerStatus = (int)HttpStatusCode.NoContent;
        }

        var received = await Receiver.WaitForAsync(r => r.Any(w => w.Path == path && w.Verified), Within, $"job {jobId}'s delivered webhook");
        var webhook = received.Last(w => w.Path == path);
        Assert.True(webhook.Verified, "the signature covers the payload as sent");
        var sentUrls = webhook.Body!["data"]!["images"]!.AsArray().Select(i => i!["url"]!.GetValue<string>()).ToList();
        var results = JsonNode.Parse(await account.Http.GetStringAsync($"/api/jobs/{jobId}/results"))!;
        var answeredUrls = results["images"]!.AsArray().Select(i => i!["url"]!.GetValue<string>()).ToList();
        Assert.Equal(2, sentUrls.Count);
        Assert.All(sentUrls, url => Assert.StartsWith(service.ApiBase.ToString().TrimEnd('/') + "/media/", url));
        Assert.Equal(answeredUrls, sentUrls);
        using var image = await service.Anonymous().GetAsync(new Uri(sentUrls[0]).PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, image.StatusCode);
    }

    private async Task<JsonNode> PayloadAsync(long jobId)
    {
        var rows = await service.Database.QueryAsync($"SELECT payload FROM ideogram_webhook_deliveries WHERE job_id = {jobId} AND event_type = 'job.completed'");
        return JsonNode.Parse(Assert.Single(rows)["payload"]!)!;
    }
}
