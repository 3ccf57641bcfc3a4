namespace IdeogramJobs.Database.Secrets;

/// <summary>
/// One kind of stored secret (organisations' Ideogram keys, webhook secrets, ...) that the <c>secrets rotate</c>
/// command re-encrypts under the current master key; each kind registers one.
/// </summary>
public interface ISecretReEncryptor
{
    /// <summary>What the secrets are, for the command's report.</summary>
    string Kind { get; }

    /// <summary>Re-encrypts every value not under the current key (<see cref="SecretProtector.NeedsRotation"/>); returns how many it changed.</summary>
    Task<int> ReEncryptAsync(CancellationToken cancellationToken);
}
