using MySqlConnector;

namespace IdeogramJobs.Database.Secrets;

/// <summary>
/// Re-encrypts, under the current master key, the rows of a table that keep a secret and the previous one
/// (kept signing for a rotation's overlap). Each row is swapped only if it still holds what was read, so a
/// rotation that ran meanwhile wins.
/// </summary>
public static class SecretPairReEncryption
{
    /// <summary>
    /// Re-encrypts the rows of <paramref name="table"/> (keyed by <paramref name="idColumn"/>, columns secret and
    /// previous_secret) sealed under an older key; returns how many changed. Table and column are the caller's
    /// constants, never input.
    /// </summary>
    public static async Task<int> RunAsync(
        MySqlConnection connection, SecretProtector protector, string table, string idColumn, Func<object, string> purposeOf, CancellationToken cancellationToken)
    {
        var stale = new List<(object Id, string Secret, string? Previous)>();
        await using (var select = new MySqlCommand($"SELECT {idColumn}, secret, previous_secret FROM {table}", connection))
        await using (var reader = await select.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var secret = reader.GetString(1);
                var previous = reader.IsDBNull(2) ? null : reader.GetString(2);
                if (protector.NeedsRotation(secret) || (previous is not null && protector.NeedsRotation(previous)))
                {
                    stale.Add((reader.GetValue(0), secret, previous));
                }
            }
        }

        var changed = 0;
        foreach (var (id, secret, previous) in stale)
        {
            var purpose = purposeOf(id);
            await using var update = new MySqlCommand($"""
                UPDATE {table} SET secret = @newSecret, previous_secret = @newPrevious
                WHERE {idColumn} = @id AND secret = @oldSecret AND previous_secret <=> @oldPrevious
                """, connection);
            update.Parameters.AddWithValue("id", id);
            update.Parameters.AddWithValue("oldSecret", secret);
            update.Parameters.AddWithValue("oldPrevious", previous);
            update.Parameters.AddWithValue("newSecret", ReEncrypted(protector, secret, purpose));
            update.Parameters.AddWithValue("newPrevious", previous is null ? null : ReEncrypted(protector, previous, purpose));
            changed += await update.ExecuteNonQueryAsync(cancellationToken);
        }

        return changed;
    }

    private static string ReEncrypted(SecretProtector protector, string sealedValue, string purpose) =>
        protector.NeedsRotation(sealedValue) ? protector.Protect(protector.Unprotect(sealedValue, purpose), purpose) : sealedValue;
}
