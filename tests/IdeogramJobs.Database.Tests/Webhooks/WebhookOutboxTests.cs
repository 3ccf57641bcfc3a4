using System.Security.Cryptography;
using IdeogramJobs.Database.Images;
using IdeogramJobs.Database.Jobs;
using IdeogramJobs.Database.Secrets;
using IdeogramJobs.Database.Webhooks;
using Microsoft.Extensions.Options;

namespace IdeogramJobs.Database.Tests.Webhooks;

public sealed class WebhookOutboxTests : IAsyncLifetime
{
    private static readonly string OldKey = "old:" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
    private static readonly string NewKey = "new:" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    private readonly StoreTestDatabase database = new();
    private MySqlWebhookStore store = null!;
    private MySqlJobStore jobs = null!;
    private ImageJobRows rows = null!;
    private string accountId = null!;

    public async Task InitializeAsync()
    {
        await database.InitializeAsync();
        store = Store(OldKey);
        jobs = new MySqlJobStore(database.Connections, new MySqlImageAssetStore(database.Connections),
            new WebhookOutbox(Options.Create(new WebhookOptions())));
        rows = new ImageJobRows(database);
        accountId = await database.CreateAccountAsync("hooks");
    }

    public Task DisposeAsync() => database.DisposeAsync();

    [Fact]
    public async Task A_jobs_end_queues_one_delivery_per_subscribed_endpoint_and_none_for_others()
    {
        await store.CreateAsync(accountId, "https://a.example/hook", [WebhookEventTypes.JobCancelled], enabled: true, CancellationToken.None);
        await store.CreateAsync(accountId, "https://b.example/hook", [WebhookEventTypes.JobCancelled, WebhookEventTypes.JobFailed], enabled: true, CancellationToken.None);
        await store.CreateAsync(accountId, "https://c.example/hook", [WebhookEventTypes.JobCompleted], enabled: true, CancellationToken.None);
        await store.CreateAsync(accountId, "https://d.example/hook", [WebhookEventTypes.JobCancelled], enabled: false, CancellationToken.None);
        var jobId = await rows.CreateJobAsync(accountId, "social_media");

        Assert.True((await jobs.CancelAsync(jobId, CancellationToken.None)).Ended);
        Assert.False((await jobs.CancelAsync(jobId, CancellationToken.None)).Ended);

        var deliveries = await database.Database.QueryAsync($"SELECT message_id, event_type, job_id FROM ideogram_webhook_deliveries WHERE account_id = '{accountId}'");
        Assert.Equal(2, deliveries.Count);
        Assert.All(deliveries, d => Assert.Equal(WebhookEventTypes.JobCancelled, d["event_type"]));
        Assert.Single(deliveries.Select(d => d["message_id"]).Distinct());
    }

    [Fact]
    public async Task A_job_nobody_listens_for_ends_without_a_delivery_and_the_next_one_after_a_subscription_gets_its_event()
    {
        var unheard = await rows.CreateJobAsync(accountId, "social_media");
        var end = await jobs.CancelAsync(unheard, CancellationToken.None);

        Assert.True(end.Ended);
        Assert.Equal("cancelled", (await database.JobRowAsync(unheard))["status"]);
        Assert.Equal(0, await database.Database.CountAsync($"SELECT COUNT(*) FROM ideogram_webhook_deliveries WHERE account_id = '{accountId}'"));

        await store.CreateAsync(accountId, "https://a.example/hook", [WebhookEventTypes.JobCancelled], enabled: true, CancellationToken.None);
        var heard = await rows.CreateJobAsync(accountId, "social_media");

        Assert.True((await jobs.CancelAsync(heard, CancellationToken.None)).Ended);
        Assert.Equal("cancelled", (await database.JobRowAsync(heard))["status"]);
        var deliveries = await database.Database.QueryAsync($"SELECT job_id FROM ideogram_webhook_deliveries WHERE account_id = '{accountId}'");
        Assert.Equal(heard.ToString(System.Globalization.CultureInfo.InvariantCulture), Assert.Single(deliveries)["job_id"]);
    }

    [Fact]
    public async Task Two_silos_leasing_at_once_never_get_the_same_delivery_and_an_ended_lease_is_taken_again()
    {
        await store.CreateAsync(accountId, "https://a.example/hook", [WebhookEventTypes.JobCancelled], enabled: true, CancellationToken.None);
        for (var i = 0; i < 6; i++)
        {
            await jobs.CancelAsync(await rows.CreateJobAsync(accountId, "social_media"), CancellationToken.None);
        }

        var first = store.LeaseDueAsync("silo-a", TimeSpan.FromMinutes(1), 4, CancellationToken.None);
        var second = store.LeaseDueAsync("silo-b", TimeSpan.FromMinutes(1), 4, CancellationToken.None);
        var leased = (await first).Concat(await second).ToList();

        Assert.Equal(6, leased.Count);
        Assert.Equal(6, leased.Select(d => d.DeliveryId).Distinct().Count());
        Assert.Empty(await store.LeaseDueAsync("silo-c", TimeSpan.FromMinutes(1), 10, CancellationToken.None));

        // silo-a died mid-send: once its lease has ended, its rows are due for another silo.
        await database.Database.ExecuteAsync("UPDATE ideogram_webhook_deliveries SET lease_until = UTC_TIMESTAMP(3) - INTERVAL 1 SECOND WHERE lease_owner = 'silo-a'");
        var retaken = await store.LeaseDueAsync("silo-c", TimeSpan.FromMinutes(1), 10, CancellationToken.None);
        Assert.Equal((await first).Select(d => d.DeliveryId).Order(), retaken.Select(d => d.DeliveryId).Order());
        Assert.False(await store.MarkDeliveredAsync(retaken[0].DeliveryId, "silo-a", 200, CancellationToken.None));
        Assert.True(await store.MarkDeliveredAsync(retaken[0].DeliveryId, "silo-c", 200, CancellationToken.None));
    }

    [Fact]
    public async Task Rotation_signs_with_both_secrets_and_reencryption_moves_every_secret_to_the_current_key()
    {
        var created = await store.CreateAsync(accountId, "https://a.example/hook", [WebhookEventTypes.JobCancelled], enabled: true, CancellationToken.None);
        var rotated = (await store.RotateSecretAsync(accountId, created.Endpoint.EndpointId, TimeSpan.FromHours(1), CancellationToken.None))!;
        await jobs.CancelAsync(await rows.CreateJobAsync(accountId, "social_media"), CancellationToken.None);

        var reencrypting = Store($"{NewKey};{OldKey}");
        Assert.Equal(1, await reencrypting.ReencryptSecretsAsync(CancellationToken.None));
        Assert.Equal(0, await reencrypting.ReencryptSecretsAsync(CancellationToken.None));

        var due = Assert.Single(await Store(NewKey).LeaseDueAsync("silo-a", TimeSpan.FromMinutes(1), 10, CancellationToken.None));
        Assert.Equal([rotated.Secret, created.Secret], due.Secrets);
        var stored = await database.Database.QueryAsync($"SELECT secret, previous_secret FROM ideogram_webhook_endpoints WHERE endpoint_id = {created.Endpoint.EndpointId}");
        Assert.StartsWith("v1.new.", stored[0]["secret"]);
        Assert.StartsWith("v1.new.", stored[0]["previous_secret"]);
    }

    private MySqlWebhookStore Store(string keys) =>
        new(database.Connections, new SecretProtector(Options.Create(new SecretEncryptionOptions { Keys = keys })));
}
