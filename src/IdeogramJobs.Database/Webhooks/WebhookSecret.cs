using System.Security.Cryptography;

namespace IdeogramJobs.Database.Webhooks;

/// <summary>An endpoint's signing secret in the Standard Webhooks form: <c>whsec_</c> and base64 of 32 random bytes.</summary>
public static class WebhookSecret
{
    public const string Prefix = "whsec_";

    public static string Generate() => Prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    /// <summary>The purpose an endpoint's secrets are encrypted under, so a value moved to another endpoint does not decrypt.</summary>
    public static string Purpose(long endpointId) => $"webhook-secret:{endpointId}";

    /// <summary>The purpose an account's default signing secret (for jobs' own webhookUrls) is encrypted under.</summary>
    public static string AccountPurpose(string accountId) => $"webhook-signing-secret:{accountId}";

    /// <summary>The HMAC key bytes of a secret.</summary>
    public static byte[] KeyBytes(string secret) =>
        Convert.FromBase64String(secret.StartsWith(Prefix, StringComparison.Ordinal) ? secret[Prefix.Length..] : secret);
}
