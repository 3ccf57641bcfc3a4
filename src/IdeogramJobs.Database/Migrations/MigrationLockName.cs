using System.Security.Cryptography;
using System.Text;

namespace IdeogramJobs.Database.Migrations;

/// <summary>
/// The server-wide GET_LOCK name that serialises one migration set of one database. MySQL refuses names over
/// 64 characters (MariaDB does not), so a name that would be longer keeps its prefix and ends in a hash of the whole.
/// </summary>
public static class MigrationLockName
{
    public const int MaxLength = 64;
    private const string Prefix = "ideogramjobs.migrate.";

    public static string For(string database, MigrationSet set)
    {
        var name = $"{Prefix}{database}.{set.Name}";
        if (name.Length <= MaxLength)
        {
            return name;
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(name)));
        return Prefix + hash[..(MaxLength - Prefix.Length)];
    }
}
