using System.Text.Json.Serialization;

namespace IdeogramJobs.Storage.Sirv;

/// <summary>Body of a 200 from POST /v2/token. A class, not a record, so ToString cannot print the token.</summary>
internal sealed class SirvTokenResponse
{
    [JsonPropertyName("token")]
    public string? Token { get; init; }

    [JsonPropertyName("expiresIn")]
    public int ExpiresIn { get; init; }

    public override string ToString() => $"SirvTokenResponse {{ ExpiresIn = {ExpiresIn} }}";
}
