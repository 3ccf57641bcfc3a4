using System.Security.Cryptography;
using IdeogramJobs.Api.Tests.Infrastructure;
using IdeogramJobs.Testing;
using IdeogramJobs.Testing.Webhooks;

namespace IdeogramJobs.Api.Tests.Webhooks;

/// <summary>
/// The service as processes on loopback (simulator, one silo, API) set up for webhooks: a master key in
/// SECRET_ENCRYPTION_KEYS, the loopback receiver's address on WEBHOOK_ALLOWED_HOSTS (as an operator would
/// allow an internal host), and retries fast enough that a test sees them within seconds.
/// </summary>
public sealed class WebhookServiceFixture() : LoopbackServiceFixture("webhook-tests-ideogram-key")
{
    /// <summary>How long a hung receiver is waited for before the attempt counts as failed.</summary>
    public const int TimeoutSeconds = 2;

    private readonly string masterKey = "test1:" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    public WebhookReceiver Receiver { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        Receiver = await WebhookReceiver.StartAsync();
        await base.InitializeAsync();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Receiver.DisposeAsync();
    }

    protected override Dictionary<string, string?> Configure(LoopbackProcess process, Dictionary<string, string?> environment)
    {
        if (process != LoopbackProcess.Simulator)
        {
            environment["SECRET_ENCRYPTION_KEYS"] = masterKey;
            environment["WEBHOOK_ALLOWED_HOSTS"] = "127.0.0.1";
            environment["WEBHOOK_RETRY_BASE_SECONDS"] = "0.3";
            environment["WEBHOOK_RETRY_MAX_SECONDS"] = "1";
            environment["WEBHOOK_POLL_MS"] = "100";
            environment["WEBHOOK_TIMEOUT_SECONDS"] = TimeoutSeconds.ToString();
            environment["WEBHOOK_LEASE_SECONDS"] = "10";
        }

        return environment;
    }
}
