using System.Security.Cryptography;
using System.Text;

namespace IdeogramJobs.Ideogram.Simulator.Stats;

/// <summary>Names an API key in stats, captures and logs without revealing it.</summary>
public static class KeyFingerprint
{
    /// <summary>The first 12 hex characters (lower case) of the SHA-256 of the key's UTF-8 bytes.</summary>
    public static string Of(string apiKey) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(apiKey)))[..12];
}
