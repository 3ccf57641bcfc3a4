using System.Net;
using System.Text.Json.Nodes;
using IdeogramJobs.Api.Tests.Authentication;
using IdeogramJobs.Api.Tests.Infrastructure;
using IdeogramJobs.Testing;
using IdeogramJobs.Testing.Webhooks;

namespace IdeogramJobs.Api.Tests.Webhooks;

/// <summary>A job's own webhookUrl with no endpoint registered: signed with the account's signing secret, logged, redelivered, rotated.</summary>
[Collection(WebhookCollection.Name)]
public sealed class JobWebhookUrlTests(WebhookServiceFixture service)
{
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(60);

    private WebhookReceiver Receiver => service.Receiver;

    [Fact]
    public async Task A_jobs_webhook_url_is_delivered_signed_with_the_accounts_signing_secret_with_no_endpoint_registered()
    {
        var account = await service.NewAccountAsync("admin");
        var secret = (await account.SigningSecretAsync())["secret"]!.GetValue<string>();
        Assert.StartsWith("whsec_", secret);
        Receiver.Trust(secret);
        var path = "/job/" + Guid.NewGuid().ToString("N");

        using var submitted = await account.ExecuteWithWebhookAsync("a pier at noon", Receiver.Url(path));
        var jobId = (await submitted.ReadJsonAsync(HttpStatusCode.Accepted))["jobId"]!.GetValue<long>();

        var received = await Receiver.WaitForAsync(r => r.Any(w => w.Path == path), Within, $"job {jobId}'s own webhook at {path}");
        var webhook = Assert.Single(received, w => w.Path == path);
        Assert.True(webhook.Verified, "the signature verifies with the StandardWebhooks library and the account's signing secret");
        Assert.Equal("job.completed", webhook.Type);
        Assert.Equal(jobId, webhook.JobId);
        Assert.Empty(JsonNode.Parse(await account.Http.GetStringAsync(WebhookEndpointsApi.Path))!.AsArray());

        var log = await Eventually.Until(account.JobDeliveriesAsync, l => l.Count == 1 && l[0]!["status"]!.GetValue<string>() == "delivered", Within, "the job delivery log to show it delivered");
        Assert.Equal(webhook.MessageId, log[0]!["messageId"]!.GetValue<string>());
        Assert.Equal(Receiver.Url(path), log[0]!["url"]!.GetValue<string>());
        Assert.Equal(jobId, log[0]!["jobId"]!.GetValue<long>());
        Assert.Null(log[0]!["endpointId"]);
        Assert.Equal(204, log[0]!["lastResponseCode"]!.GetValue<int>());

        Assert.Equal(secret, (await account.SigningSecretAsync())["secret"]!.GetValue<string>());
        var stored = await service.Database.QueryAsync($"SELECT secret FROM ideogram_webhook_signing_secrets WHERE account_id = '{account.AccountId}'");
        Assert.StartsWith("v1.test1.", stored[0]["secret"]);
    }

    [Fact]
    public async Task Redeliver_sends_a_jobs_own_webhook_again_with_the_same_webhook_id()
    {
        var account = await service.NewAccountAsync("admin");
        Receiver.Trust((await account.SigningSecretAsync())["secret"]!.GetValue<string>());
        var path = "/job/" + Guid.NewGuid().ToString("N");
        using var submitted = await account.ExecuteWithWebhookAsync("a red pier", Receiver.Url(path));
        Assert.Equal(HttpStatusCode.Accepted, submitted.StatusCode);
        var log = await Eventually.Until(account.JobDeliveriesAsync, l => l.Count == 1 && l[0]!["status"]!.GetValue<string>() == "delivered", Within, "the first delivery");
        var deliveryId = log[0]!["deliveryId"]!.GetValue<long>();

        using var redeliver = await account.Http.PostAsync($"{SigningSecretApi.DeliveriesPath}/{deliveryId}/redeliver", null);
        Assert.Equal(HttpStatusCode.Accepted, redeliver.StatusCode);

        var received = await Receiver.WaitForAsync(r => r.Count(w => w.Path == path) == 2, Within, "the redelivered job webhook");
        var both = received.Where(w => w.Path == path).ToList();
        Assert.Single(both.Select(w => w.MessageId).Distinct());
        Assert.All(both, w => Assert.True(w.Verified));
        await Eventually.Until(account.JobDeliveriesAsync, l => l[0]!["status"]!.GetValue<string>() == "delivered" && l[0]!["attempts"]!.GetValue<int>() == 2, Within, "the log to count both attempts");
        using var unknown = await account.Http.PostAsync($"{SigningSecretApi.DeliveriesPath}/{deliveryId + 1_000_000}/redeliver", null);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task After_a_rotation_a_jobs_webhook_is_signed_with_both_the_new_and_the_old_secret()
    {
        var account = await service.NewAccountAsync("admin");
        var old = (await account.SigningSecretAsync())["secret"]!.GetValue<string>();

        var rotated = await account.RotateSigningSecretAsync();
        var current = rotated["secret"]!.GetValue<string>();
        Assert.NotEqual(old, current);
        Assert.True(rotated["previousSecretUntil"]!.GetValue<DateTime>() > DateTime.UtcNow.AddHours(23), "the old secret signs for WEBHOOK_SECRET_OVERLAP_HOURS (24 by default)");
        Assert.Equal(current, (await account.SigningSecretAsync())["secret"]!.GetValue<string>());

        // Each receiver trusts one secret only, so each verifying proves that secret signed.
        await using var trustsOld = await WebhookReceiver.StartAsync();
        await using var trustsNew = await WebhookReceiver.StartAsync();
        trustsOld.Trust(old);
        trustsNew.Trust(current);
        using (var toOld = await account.ExecuteWithWebhookAsync("a lighthouse, old secret", trustsOld.Url()))
        using (var toNew = await account.ExecuteWithWebhookAsync("a lighthouse, new secret", trustsNew.Url()))
        {
            Assert.Equal(HttpStatusCode.Accepted, toOld.StatusCode);
            Assert.Equal(HttpStatusCode.Accepted, toNew.StatusCode);
        }

        var byOld = Assert.Single(await trustsOld.WaitForAsync(r => r.Count > 0, Within, "the job webhook at the receiver trusting the old secret"));
        var byNew = Assert.Single(await trustsNew.WaitForAsync(r => r.Count > 0, Within, "the job webhook at the receiver trusting the new secret"));
        Assert.True(byOld.Verified, "the old secret still signs during the overlap");
        Assert.True(byNew.Verified, "the new secret signs");
        Assert.Equal(2, byNew.SignatureHeader!.Split(' ').Length);
    }

    [Fact]
    public async Task A_jobs_webhook_url_to_a_private_address_is_refused_naming_webhookUrl()
    {
        var account = await service.NewAccountAsync("admin");

        using var response = await account.ExecuteWithWebhookAsync("a harbour", "http://10.0.0.7/hook");

        var problem = await response.ReadJsonAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(problem["errors"]!["webhookUrl"]);
        Assert.Equal(0, await service.Database.CountAsync($"SELECT COUNT(*) FROM ssnews_jobs WHERE account_id = '{account.AccountId}'"));
    }

    [Fact]
    public async Task Only_account_admins_read_or_rotate_the_signing_secret()
    {
        var user = await service.NewAccountAsync("user");

        using var read = await user.Http.GetAsync(SigningSecretApi.SecretPath);
        using var rotate = await user.Http.PostAsync(SigningSecretApi.SecretPath + "/rotate", null);

        Assert.Equal(HttpStatusCode.Forbidden, read.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, rotate.StatusCode);
    }
}
