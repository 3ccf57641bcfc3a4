using System.Security.Cryptography;
using System.Text;

namespace IdeogramJobs.Ideogram.Simulator.Imaging;

/// <summary>
/// Signs image URLs like Ideogram's ephemeral ones: <c>exp</c> is a Unix time and <c>sig</c> the hex
/// HMAC-SHA256 of <c>id:exp</c> under a secret drawn when the process starts, so URLs die with it.
/// </summary>
public sealed class ImageUrlSigner
{
    private readonly byte[] secret = RandomNumberGenerator.GetBytes(32);

    public string Sign(string id, long expiresAtUnixSeconds) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(secret, Encoding.UTF8.GetBytes($"{id}:{expiresAtUnixSeconds}")));

    public bool IsValid(string id, long expiresAtUnixSeconds, string? signature)
    {
        if (signature is null || signature.Length != 64)
        {
            return false;
        }
        var expected = Encoding.ASCII.GetBytes(Sign(id, expiresAtUnixSeconds));
        return CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(signature.ToLowerInvariant()));
    }
}
