namespace IdeogramJobs.Database.Secrets;

/// <summary>One master key and the id stored beside every value it encrypted.</summary>
public sealed record MasterKey(string Id, byte[] Key)
{
    public const int KeyBytes = 32;

    /// <summary>
    /// Parses <see cref="SecretEncryptionOptions.Keys"/>; returns the keys, first the one that encrypts, or
    /// the problems found (never quoting a key).
    /// </summary>
    public static (IReadOnlyList<MasterKey> Keys, IReadOnlyList<string> Problems) ParseAll(string? text)
    {
        var keys = new List<MasterKey>();
        var problems = new List<string>();
        var entries = (text ?? string.Empty).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        for (var i = 0; i < entries.Length; i++)
        {
            var colon = entries[i].IndexOf(':');
            var id = colon > 0 ? entries[i][..colon] : string.Empty;
            if (!IsValidId(id))
            {
                problems.Add($"{SecretEncryptionOptions.KeysVariable} entry {i + 1} must be id:base64 with an id of 1-32 letters, digits, '-' or '_'.");
                continue;
            }

            var key = Decode(entries[i][(colon + 1)..]);
            if (key is not { Length: KeyBytes })
            {
                problems.Add($"{SecretEncryptionOptions.KeysVariable} key '{id}' must be {KeyBytes} bytes in base64 (e.g. from `openssl rand -base64 32`).");
            }
            else if (keys.Any(k => k.Id == id))
            {
                problems.Add($"{SecretEncryptionOptions.KeysVariable} lists the key id '{id}' twice.");
            }
            else
            {
                keys.Add(new MasterKey(id, key));
            }
        }

        return (keys, problems);
    }

    private static bool IsValidId(string id) =>
        id.Length is >= 1 and <= 32 && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    private static byte[]? Decode(string base64)
    {
        var buffer = new byte[base64.Length];
        return Convert.TryFromBase64String(base64, buffer, out var written) ? buffer[..written] : null;
    }
}
