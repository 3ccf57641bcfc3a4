using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace IdeogramJobs.Database.Secrets;

/// <summary>
/// Encrypts secrets for storage with AES-256-GCM under the first master key, as
/// <c>v1.{keyId}.{base64(nonce | tag | ciphertext)}</c>. The purpose (what the value is and whose, e.g.
/// <c>organisation-ideogram-key:42</c>) is authenticated with it, so a value copied to another row does
/// not decrypt. Never falls back to plaintext: without a usable key it throws
/// <see cref="SecretUnavailableException"/>.
/// </summary>
public sealed class SecretProtector(IOptions<SecretEncryptionOptions> options)
{
    private const string Version = "v1";
    private const int NonceBytes = 12;
    private const int TagBytes = 16;

    private readonly IReadOnlyList<MasterKey> keys = MasterKey.ParseAll(options.Value.Keys).Keys;

    /// <summary>True when a master key is configured, so secrets can be stored.</summary>
    public bool CanEncrypt => keys.Count > 0;

    /// <summary>The id of the key new values are encrypted with.</summary>
    public string? CurrentKeyId => keys.Count > 0 ? keys[0].Id : null;

    public string Protect(string plaintext, string purpose)
    {
        var key = keys.Count > 0 ? keys[0] : throw new SecretUnavailableException($"{SecretEncryptionOptions.KeysVariable} is not set, so secrets cannot be stored.");
        var plain = Encoding.UTF8.GetBytes(plaintext);
        var sealedBytes = new byte[NonceBytes + TagBytes + plain.Length];
        var nonce = sealedBytes.AsSpan(0, NonceBytes);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(key.Key, TagBytes);
        aes.Encrypt(nonce, plain, sealedBytes.AsSpan(NonceBytes + TagBytes), sealedBytes.AsSpan(NonceBytes, TagBytes), Encoding.UTF8.GetBytes(purpose));
        return $"{Version}.{key.Id}.{Convert.ToBase64String(sealedBytes)}";
    }

    public string Unprotect(string stored, string purpose)
    {
        var parts = stored.Split('.');
        if (parts is not [Version, var keyId, var body])
        {
            throw new SecretUnavailableException($"A stored secret ({purpose}) is not in the encrypted form; it was not written by this service.");
        }

        var key = keys.FirstOrDefault(k => k.Id == keyId)
            ?? throw new SecretUnavailableException($"A stored secret ({purpose}) was encrypted with the key '{keyId}', which {SecretEncryptionOptions.KeysVariable} does not list.");
        var sealedBytes = Convert.FromBase64String(body);
        var plain = new byte[sealedBytes.Length - NonceBytes - TagBytes];
        try
        {
            using var aes = new AesGcm(key.Key, TagBytes);
            aes.Decrypt(sealedBytes.AsSpan(0, NonceBytes), sealedBytes.AsSpan(NonceBytes + TagBytes), sealedBytes.AsSpan(NonceBytes, TagBytes), plain, Encoding.UTF8.GetBytes(purpose));
        }
        catch (AuthenticationTagMismatchException)
        {
            throw new SecretUnavailableException($"A stored secret ({purpose}) does not decrypt with the key '{keyId}' in {SecretEncryptionOptions.KeysVariable}: the key is wrong or the value was altered.");
        }

        return Encoding.UTF8.GetString(plain);
    }

    /// <summary>True when the stored value was encrypted with another key than the current one.</summary>
    public bool NeedsRotation(string stored) => !stored.StartsWith($"{Version}.{CurrentKeyId}.", StringComparison.Ordinal);
}
