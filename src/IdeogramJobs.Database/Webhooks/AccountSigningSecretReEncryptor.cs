using IdeogramJobs.Database.Secrets;

namespace IdeogramJobs.Database.Webhooks;

/// <summary>Re-encrypts accounts' default signing secrets (current and overlapping old ones) under the current master key.</summary>
public sealed class AccountSigningSecretReEncryptor(IJobWebhookStore store) : ISecretReEncryptor
{
    public string Kind => "account webhook signing secrets";

    public Task<int> ReEncryptAsync(CancellationToken cancellationToken) => store.ReencryptSecretsAsync(cancellationToken);
}
