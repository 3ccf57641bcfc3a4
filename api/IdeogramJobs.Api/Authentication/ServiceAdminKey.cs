using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace IdeogramJobs.Api.Authentication;

/// <summary>
/// Recognises ADMIN_API_KEY. Both sides are hashed first, so the comparison takes the same time
/// whatever the presented key and reveals neither its content nor its length.
/// </summary>
public sealed class ServiceAdminKey(IOptions<AdminKeyOptions> options)
{
    private readonly byte[] hash = Hash(options.Value.Key ?? throw new InvalidOperationException($"{AdminKeyOptions.Variable} is not set."));

    public bool Matches(string presented) => CryptographicOperations.FixedTimeEquals(hash, Hash(presented));

    private static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));
}
