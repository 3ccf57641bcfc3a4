using System.Text.Json.Nodes;

namespace IdeogramJobs.Testing.Webhooks;

/// <summary>One request a <see cref="WebhookReceiver"/> got: its headers' id, the parsed body and whether its signature verified.</summary>
public sealed record ReceivedWebhook(string Path, string? MessageId, JsonNode? Body, bool Verified, string? SignatureHeader, DateTimeOffset ReceivedAt)
{
    public string? Type => Body?["type"]?.GetValue<string>();

    public long? JobId => Body?["data"]?["jobId"]?.GetValue<long>();

    public override string ToString() => $"{Type} job {JobId} id {MessageId} verified {Verified} at {Path}";
}
