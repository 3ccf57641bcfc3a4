using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using IdeogramJobs.Database.Webhooks;

namespace IdeogramJobs.Grains.Webhooks;

/// <summary>
/// Standard Webhooks signing: HMAC-SHA256 over <c>{webhook-id}.{webhook-timestamp}.{body}</c> with the
/// secret's key bytes, sent as <c>v1,{base64}</c>; one entry per secret, space separated, so receivers
/// holding either the new or the old secret verify during a rotation.
/// </summary>
public static class WebhookSignature
{
    public const string IdHeader = "webhook-id";
    public const string TimestampHeader = "webhook-timestamp";
    public const string SignatureHeader = "webhook-signature";

    public static string Timestamp(DateTimeOffset at) => at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

    public static string Sign(string messageId, string timestamp, string body, IEnumerable<string> secrets) =>
        string.Join(' ', secrets.Select(secret =>
            "v1," + Convert.ToBase64String(HMACSHA256.HashData(WebhookSecret.KeyBytes(secret), Encoding.UTF8.GetBytes($"{messageId}.{timestamp}.{body}")))));
}
