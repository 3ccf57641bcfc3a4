using System.Net;
using System.Net.Http.Json;
using IdeogramJobs.Api.Tests.Infrastructure;
using IdeogramJobs.Testing;
using IdeogramJobs.Testing.Webhooks;

namespace IdeogramJobs.Api.Tests.Webhooks;

[Collection(WebhookCollection.Name)]
public sealed class WebhookDeliveryTests(WebhookServiceFixture service)
{
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(60);

    private WebhookReceiver Receiver => service.Receiver;

    [Fact]
    public async Task A_completed_job_is_delivered_once_signed_with_its_images_and_final_settings()
    {
        var (account, path) = await SubscribedAccountAsync();

        var jobId = await account.ExecuteAsync("blog_header", "a lighthouse at dawn", new { numImages = 2 });
        await account.WaitForAsync(jobId, "completed");

        var received = await Receiver.WaitForAsync(r => r.Any(w => w.Path == path && w.JobId == jobId), Within, $"job {jobId}'s webhook at {path}");
        var webhook = Assert.Single(received, w => w.Path == path);
        Assert.True(webhook.Verified, "the signature verifies with the StandardWebhooks library");
        Assert.Equal("job.completed", webhook.Type);
        var data = webhook.Body!["data"]!;
        Assert.Equal(account.AccountId, data["accountId"]!.GetValue<string>());
        Assert.Equal("blog_header", data["jobType"]!.GetValue<string>());
        Assert.Equal("completed", data["status"]!.GetValue<string>());
        var images = data["images"]!.AsArray();
        Assert.Equal(2, images.Count);
        Assert.All(images, i => Assert.StartsWith(service.ApiBase.ToString().TrimEnd('/') + "/media/", i!["url"]!.GetValue<string>()));
        Assert.Equal(2, data["finalSettings"]!["numImages"]!.GetValue<int>());
        Assert.Null(data["error"]);
        Assert.NotNull(data["completedAt"]);
        var cost = data["cost"]!;
        Assert.Equal("USD", cost["currency"]!.GetValue<string>());
        Assert.True(cost["costUsd"]!.GetValue<decimal>() > 0, "the completed job's cost is in the payload");
        Assert.Equal(cost["estimateUsd"]!.GetValue<decimal>(), cost["costUsd"]!.GetValue<decimal>());
        Assert.Equal(cost["costUsd"]!.GetValue<decimal>(), cost["billedUsd"]!.GetValue<decimal>());

        var log = await Eventually.Until(() => account.DeliveriesAsync(EndpointOf(account)), l => l.Count == 1 && l[0]!["status"]!.GetValue<string>() == "delivered", Within, "the delivery log to show it delivered");
        Assert.Equal(webhook.MessageId, log[0]!["messageId"]!.GetValue<string>());
        Assert.Equal(204, log[0]!["lastResponseCode"]!.GetValue<int>());
        Assert.Equal(1, log[0]!["attempts"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_failed_job_is_delivered_with_its_error()
    {
        var (account, path) = await SubscribedAccountAsync();

        var jobId = await account.ExecuteAsync("blog_header", "an UNSAFE request");
        await account.WaitForAsync(jobId, "failed");

        var received = await Receiver.WaitForAsync(r => r.Any(w => w.Path == path && w.JobId == jobId), Within, $"job {jobId}'s failure webhook");
        var webhook = Assert.Single(received, w => w.Path == path);
        Assert.True(webhook.Verified);
        Assert.Equal("job.failed", webhook.Type);
        Assert.False(string.IsNullOrEmpty(webhook.Body!["data"]!["error"]!.GetValue<string>()));
    }

    [Fact]
    public async Task A_cancelled_job_is_delivered_once()
    {
        var (account, path) = await SubscribedAccountAsync();
        await service.ConfigureSimulatorAsync(new { latencyScale = 1 });
        try
        {
            var jobId = await account.ExecuteAsync("blog_header", "a slow harbour");
            using var cancel = await account.Http.PostAsync($"/api/jobs/{jobId}/cancel", null);
            Assert.True(cancel.IsSuccessStatusCode, $"cancel answered {(int)cancel.StatusCode}");

            var received = await Receiver.WaitForAsync(r => r.Any(w => w.Path == path && w.JobId == jobId), Within, $"job {jobId}'s cancel webhook");
            var webhook = Assert.Single(received, w => w.Path == path);
            Assert.True(webhook.Verified);
            Assert.Equal("job.cancelled", webhook.Type);
            Assert.Equal("cancelled", webhook.Body!["data"]!["status"]!.GetValue<string>());
        }
        finally
        {
            await service.ConfigureSimulatorAsync(new { latencyScale = 0 });
        }
    }

    [Fact]
    public async Task A_receiver_that_is_down_gets_the_delivery_once_it_is_back_with_the_same_webhook_id()
    {
        var (account, path) = await SubscribedAccountAsync();
        var endpointId = EndpointOf(account);
        Receiver.AnswerStatus = (int)HttpStatusCode.ServiceUnavailable;
        try
        {
            var jobId = await account.ExecuteAsync("blog_header", "a windmill");
            await account.WaitForAsync(jobId, "completed");
            await Eventually.Until(() => account.DeliveriesAsync(endpointId),
                l => l.Count == 1 && l[0]!["attempts"]!.GetValue<int>() >= 2 && l[0]!["lastResponseCode"]?.GetValue<int>() == 503,
                Within, "two refused attempts in the delivery log");
        }
        finally
        {
            Receiver.AnswerStatus = (int)HttpStatusCode.NoContent;
        }

        var log = await Eventually.Until(() => account.DeliveriesAsync(endpointId), l => l[0]!["status"]!.GetValue<string>() == "delivered", Within, "the retried delivery to succeed");
        var attempts = Receiver.Received.Where(w => w.Path == path).ToList();
        Assert.True(attempts.Count >= 3, $"expected refused attempts and the delivered one, got {attempts.Count}");
        Assert.Single(attempts.Select(a => a.MessageId).Distinct());
        Assert.All(attempts, a => Assert.True(a.Verified));
        Assert.Equal(attempts.Count, log[0]!["attempts"]!.GetValue<int>());
    }

    [Fact]
    public async Task Redeliver_sends_a_delivered_event_again()
    {
        var (account, path) = await SubscribedAccountAsync();
        var endpointId = EndpointOf(account);
        var jobId = await account.ExecuteAsync("blog_header", "a red barn");
        await account.WaitForAsync(jobId, "completed");
        var log = await Eventually.Until(() => account.DeliveriesAsync(endpointId), l => l.Count == 1 && l[0]!["status"]!.GetValue<string>() == "delivered", Within, "the first delivery");
        var deliveryId = log[0]!["deliveryId"]!.GetValue<long>();

        using var redeliver = await account.Http.PostAsync($"{WebhookEndpointsApi.Path}/{endpointId}/deliveries/{deliveryId}/redeliver", null);
        Assert.Equal(HttpStatusCode.Accepted, redeliver.StatusCode);

        var received = await Receiver.WaitForAsync(r => r.Count(w => w.Path == path) == 2, Within, "the redelivered webhook");
        Assert.Single(received.Where(w => w.Path == path).Select(w => w.MessageId).Distinct());
        await Eventually.Until(() => account.DeliveriesAsync(endpointId), l => l[0]!["status"]!.GetValue<string>() == "delivered" && l[0]!["attempts"]!.GetValue<int>() == 2, Within, "the log to count both attempts");
    }

    [Fact]
    public async Task A_hanging_receiver_does_not_slow_jobs()
    {
        var (account, path) = await SubscribedAccountAsync();
        Receiver.Hang = true;
        try
        {
            var jobIds = new List<long>();
            for (var i = 0; i < 4; i++)
            {
                jobIds.Add(await account.ExecuteAsync("blog_header", $"a quiet street {i}"));
            }

            foreach (var jobId in jobIds)
            {
                await account.WaitForAsync(jobId, "completed", seconds: 30);
            }

            var log = await account.DeliveriesAsync(EndpointOf(account));
            Assert.Equal(4, log.Count);
            Assert.DoesNotContain(log, d => d!["status"]!.GetValue<string>() == "delivered");
            await Receiver.WaitForAsync(r => r.Count(w => w.Path == path) >= 1, Within, "the hanging receiver to be called");
        }
        finally
        {
            Receiver.Hang = false;
        }
    }

    [Fact]
    public async Task Crossing_the_budget_threshold_is_delivered_once_to_an_endpoint_subscribed_to_it()
    {
        var account = await service.NewAccountAsync("admin");
        var path = "/hook/" + Guid.NewGuid().ToString("N");
        var (_, secret) = await account.CreateEndpointAsync(Receiver.Url(path), ["budget.threshold_reached"]);
        Receiver.Trust(secret);
        using (var budget = await service.Admin.PutAsJsonAsync($"/api/admin/accounts/{account.AccountId}/budget", new { monthlyBudgetUsd = 1.00m, thresholdPercent = 50 }))
        {
            Assert.Equal(HttpStatusCode.OK, budget.StatusCode);
        }

        // 0.24 per job of 4 DEFAULT images: 24%, 48%, then 72% crosses 50%.
        long last = 0;
        for (var n = 0; n < 3; n++)
        {
            last = await account.ExecuteAsync("blog_header", $"budget webhook {n}", new { numImages = 4 });
        }

        await account.WaitForAsync(last, "completed");
        var received = await Receiver.WaitForAsync(r => r.Any(w => w.Path == path), Within, $"the budget webhook at {path}");
        var webhook = Assert.Single(received, w => w.Path == path);
        Assert.True(webhook.Verified, "the signature verifies with the StandardWebhooks library");
        Assert.Equal("budget.threshold_reached", webhook.Type);
        var data = webhook.Body!["data"]!;
        Assert.Equal(account.AccountId, data["accountId"]!.GetValue<string>());
        Assert.Equal(50, data["thresholdPercent"]!.GetValue<int>());
        Assert.Equal(1.00m, data["budgetUsd"]!.GetValue<decimal>());
        Assert.Equal(last, data["jobId"]!.GetValue<long>());
    }

    private readonly Dictionary<string, long> endpoints = [];

    private long EndpointOf(TestAccount account) => endpoints[account.AccountId];

    private async Task<(TestAccount Account, string Path)> SubscribedAccountAsync()
    {
        var account = await service.NewAccountAsync("admin");
        var path = "/hook/" + Guid.NewGuid().ToString("N");
        var (endpointId, secret) = await account.CreateEndpointAsync(Receiver.Url(path));
        Receiver.Trust(secret);
        endpoints[account.AccountId] = endpointId;
        return (account, path);
    }
}
