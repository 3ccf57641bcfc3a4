namespace IdeogramJobs.Api.Authentication;

/// <summary>The service administrator's key (ADMIN_API_KEY): it manages accounts and keys and may act on any account.</summary>
public sealed class AdminKeyOptions
{
    public const string Variable = "ADMIN_API_KEY";

    /// <summary>Long enough that the key cannot be guessed; generated keys (run.sh, openssl rand -hex 24) are longer.</summary>
    public const int MinLength = 24;

    [ConfigurationKeyName(Variable)]
    public string? Key { get; set; }

    /// <summary>Options are printed by some diagnostics; the key must never be.</summary>
    public override string ToString() => $"{nameof(AdminKeyOptions)} {{ {Variable} = {(string.IsNullOrEmpty(Key) ? "(unset)" : "(set)")} }}";
}
