using IdeogramJobs.Contracts.Settings;

namespace IdeogramJobs.Api.Admin;

/// <summary>An organisation's own Ideogram key to store (encrypted); it is never answered back.</summary>
public sealed record SetOrganisationKeyRequest
{
    public const int MinLength = 8;
    public const int MaxLength = 512;

    /// <example>ideogram-api-key-of-the-organisation</example>
    public string? ApiKey { get; init; }

    /// <summary>The problems found; a problem never quotes the key.</summary>
    public IReadOnlyList<SettingsError> Validate() =>
        ApiKey is { Length: >= MinLength and <= MaxLength } key && !key.Any(char.IsWhiteSpace) && !key.Any(char.IsControl)
            ? []
            : [new SettingsError("apiKey", $"apiKey must be the organisation's Ideogram API key: {MinLength}-{MaxLength} characters without spaces.")];

    public override string ToString() => "SetOrganisationKeyRequest { ApiKey = *** }";
}
