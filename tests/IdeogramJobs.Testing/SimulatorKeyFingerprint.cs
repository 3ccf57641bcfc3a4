using System.Security.Cryptography;
using System.Text;

namespace IdeogramJobs.Testing;

/// <summary>
/// How the Ideogram simulator names an API key in <c>/_simulator/stats</c> (its KeyFingerprint): the first 12 hex
/// characters of the SHA-256 of the key. Tests reach the simulator over HTTP only, so they compute it here.
/// </summary>
public static class SimulatorKeyFingerprint
{
    public static string Of(string apiKey) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(apiKey)))[..12];
}
