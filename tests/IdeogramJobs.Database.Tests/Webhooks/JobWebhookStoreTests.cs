using System.Security.Cryptography;
using IdeogramJobs.Database.Images;
using IdeogramJobs.Database.Jobs;
using IdeogramJobs.Database.Secrets;
using IdeogramJobs.Database.Webhooks;
using Microsoft.Extensions.Options;

namespace IdeogramJobs.Database.Tests.Webhooks;

public sealed class JobWebhookStoreTests : IAsyncLifetime
{
    private const string JobUrl = "https://receiver.example/job";

    private static readonly string OldKey = "old:" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
    private static readonly string NewKey = "new:" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    private readonly StoreTestDatabase database = new();
    private MySqlJobStore jobs = null!;
    private ImageJobRows rows = null!;
    private string accountId = null!;

    public async Task InitializeAsync()
    {
        await database.InitializeAsync();
        jobs = new MySqlJobStore(database.Connections, new MySqlImageAssetStore(database.Connections),
            new WebhookOutbox(Options.Create(new WebhookOptions())));
        rows = new ImageJobRows(database);
        accountId = await database.CreateAccountAsync("job-hooks");
    }

    public Task DisposeAsync() => database.DisposeAsync();

    [Fact]
    public async Task A_jobs_own_url_needs_no_endpoint_and_is_signed_with_the_account_secret_created_when_first_sent()
    {
        await CancelJobWithWebhookAsync();

        var queued = await database.Database.QueryAsync($"SELECT endpoint_id, target_url FROM ideogram_webhook_deliveries WHERE account_id = '{accountId}'");
        var row = Assert.Single(queued);
        Assert.Null(row["endpoint_id"]);
        Assert.Equal(JobUrl, row["target_url"]);
        Assert.Empty(await database.Database.QueryAsync($"SELECT account_id FROM ideogram_webhook_signing_secrets WHERE account_id = '{accountId}'"));

        var due = Assert.Single(await Endpoints(OldKey).LeaseDueAsync("silo-a", TimeSpan.FromMinutes(1), 10, CancellationToken.None));
        var signing = await JobWebhooks(OldKey).GetOrCreateSigningSecretAsync(accountId, CancellationToken.None);
        Assert.Equal(JobUrl, due.Url);
        Assert.Null(due.EndpointId);
        Assert.False(due.ToEndpointUrl);
        Assert.Equal([signing.Secret], due.Secrets);

        var log = Assert.Single(await JobWebhooks(OldKey).ListDeliveriesAsync(accountId, 10, CancellationToken.None));
        Assert.Equal(due.DeliveryId, log.DeliveryId);
        Assert.Empty(await JobWebhooks(OldKey).ListDeliveriesAsync(await database.CreateAccountAsync("other"), 10, CancellationToken.None));
    }

    [Fact]
    public async Task Rotation_signs_with_both_secrets_and_reencryption_moves_them_to_the_current_key()
    {
        var store = JobWebhooks(OldKey);
        var first = await store.GetOrCreateSigningSecretAsync(accountId, CancellationToken.None);
        var rotated = await store.RotateSigningSecretAsync(accountId, TimeSpan.FromHours(1), CancellationToken.None);
        await CancelJobWithWebhookAsync();

        var reencrypting = JobWebhooks($"{NewKey};{OldKey}");
        Assert.Equal(1, await reencrypting.ReencryptSecretsAsync(CancellationToken.None));
        Assert.Equal(0, await reencrypting.ReencryptSecretsAsync(CancellationToken.None));

        var due = Assert.Single(await Endpoints(NewKey).LeaseDueAsync("silo-a", TimeSpan.FromMinutes(1), 10, CancellationToken.None));
        Assert.NotEqual(first.Secret, rotated.Secret);
        Assert.Equal([rotated.Secret, first.Secret], due.Secrets);
        var stored = await database.Database.QueryAsync($"SELECT secret, previous_secret FROM ideogram_webhook_signing_secrets WHERE account_id = '{accountId}'");
        Assert.StartsWith("v1.new.", stored[0]["secret"]);
        Assert.StartsWith("v1.new.", stored[0]["previous_secret"]);
    }

    private async Task CancelJobWithWebhookAsync()
    {
        var jobId = await rows.CreateJobAsync(accountId, "social_media");
        await database.Database.ExecuteAsync($"UPDATE ssnews_jobs SET payload = JSON_SET(payload, '$.webhookUrl', '{JobUrl}') WHERE job_id = {jobId}");
        Assert.True((await jobs.CancelAsync(jobId, CancellationToken.None)).Ended);
    }

    private static SecretProtector Protector(string keys) => new(Options.Create(new SecretEncryptionOptions { Keys = keys }));

    private MySqlWebhookStore Endpoints(string keys) => new(database.Connections, Protector(keys));

    private MySqlJobWebhookStore JobWebhooks(string keys) => new(database.Connections, Protector(keys));
}
