using System.Text.Json.Serialization;

namespace IdeogramJobs.Storage.Sirv;

/// <summary>Body of POST /v2/token. A class, not a record, so ToString cannot print the secret.</summary>
internal sealed class SirvTokenRequest
{
    [JsonPropertyName("clientId")]
    public required string ClientId { get; init; }

    [JsonPropertyName("clientSecret")]
    public required string ClientSecret { get; init; }

    public override string ToString() => $"SirvTokenRequest {{ ClientId = {ClientId} }}";
}
