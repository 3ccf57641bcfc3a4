namespace IdeogramJobs.Database.Webhooks;

/// <summary>A delivery a silo has leased to send now, with the secrets to sign it (current first).</summary>
public sealed record DueDelivery
{
    public required long DeliveryId { get; init; }
    public required string MessageId { get; init; }
    /// <summary>Null for a job's own webhookUrl, signed with the account's signing secret instead of an endpoint's.</summary>
    public long? EndpointId { get; init; }
    public required string Url { get; init; }

    /// <summary>False for a job's own webhookUrl, which a 410 Gone must not disable the signing endpoint for.</summary>
    public required bool ToEndpointUrl { get; init; }
    public required string Payload { get; init; }
    public required int Attempts { get; init; }
    public required DateTime CreatedAt { get; init; }
    public required DateTime RetryUntil { get; init; }
    public required IReadOnlyList<string> Secrets { get; init; }
}
