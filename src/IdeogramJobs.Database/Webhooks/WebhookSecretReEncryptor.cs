using IdeogramJobs.Database.Secrets;

namespace IdeogramJobs.Database.Webhooks;

/// <summary>Re-encrypts webhook endpoints' signing secrets (current and overlapping old ones) under the current master key.</summary>
public sealed class WebhookSecretReEncryptor(IWebhookStore store) : ISecretReEncryptor
{
    public string Kind => "webhook signing secrets";

    public Task<int> ReEncryptAsync(CancellationToken cancellationToken) => store.ReencryptSecretsAsync(cancellationToken);
}
