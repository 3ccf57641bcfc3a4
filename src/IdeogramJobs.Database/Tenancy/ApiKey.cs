using System.Security.Cryptography;
using System.Text;

namespace IdeogramJobs.Database.Tenancy;

/// <summary>
/// API keys: 256 random bits behind a recognisable prefix. Only the SHA-256 hash is stored; a
/// fast hash is enough because the key itself carries full entropy (no dictionary to guess from).
/// </summary>
public static class ApiKey
{
    public const string Prefix = "ijk_";

    public static string Generate() =>
        Prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    /// <summary>The part shown in key lists: enough to recognise a key, far too little to use it.</summary>
    public static string DisplayPrefix(string key) => key[..Math.Min(key.Length, Prefix.Length + 6)];
}
