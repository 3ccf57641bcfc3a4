namespace IdeogramJobs.Database.Secrets;

/// <summary>
/// The <c>secrets rotate</c> command's work: every registered kind of secret re-encrypted under the first key of
/// SECRET_ENCRYPTION_KEYS, after which the older keys can be dropped from the variable.
/// </summary>
public sealed class SecretRotation(SecretProtector protector, IEnumerable<ISecretReEncryptor> reEncryptors)
{
    public async Task<IReadOnlyList<(string Kind, int ReEncrypted)>> RunAsync(CancellationToken cancellationToken)
    {
        if (!protector.CanEncrypt)
        {
            throw new SecretUnavailableException($"{SecretEncryptionOptions.KeysVariable} is not set, so there is no key to re-encrypt under.");
        }

        var report = new List<(string, int)>();
        foreach (var reEncryptor in reEncryptors)
        {
            report.Add((reEncryptor.Kind, await reEncryptor.ReEncryptAsync(cancellationToken)));
        }

        return report;
    }
}
