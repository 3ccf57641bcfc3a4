using Microsoft.Extensions.Configuration;

namespace IdeogramJobs.Database.Secrets;

/// <summary>
/// The master keys that encrypt secrets stored in the database (organisations' Ideogram keys, webhook
/// signing secrets): <c>id:base64</c> entries separated by <c>;</c>, each key 32 random bytes. The first
/// encrypts; every listed key decrypts, so a new key goes first and the old one stays listed until the
/// rotation command has re-encrypted every value.
/// </summary>
public sealed class SecretEncryptionOptions
{
    public const string KeysVariable = "SECRET_ENCRYPTION_KEYS";

    [ConfigurationKeyName(KeysVariable)]
    public string? Keys { get; set; }

    public override string ToString() => $"SecretEncryptionOptions {{ Keys = {(string.IsNullOrEmpty(Keys) ? "(not set)" : "(set)")} }}";
}
