namespace IdeogramJobs.Database.Webhooks;

/// <summary>One event's delivery to one endpoint, as its log shows it.</summary>
public sealed record WebhookDelivery
{
    public required long DeliveryId { get; init; }

    /// <summary>The webhook-id header: the same on every attempt, so receivers can drop repeats.</summary>
    public required string MessageId { get; init; }

    /// <summary>The endpoint it goes to; null for a job's own webhookUrl, signed with the account's signing secret.</summary>
    public long? EndpointId { get; init; }
    public required string EventType { get; init; }
    public long? JobId { get; init; }

    /// <summary>The URL the delivery goes to: the endpoint's, or the job's own webhookUrl.</summary>
    public required string Url { get; init; }

    /// <summary>pending, delivered or failed.</summary>
    public required string Status { get; init; }

    public required int Attempts { get; init; }
    public int? LastResponseCode { get; init; }
    public string? LastError { get; init; }
    public DateTime? NextAttemptAt { get; init; }
    public required DateTime CreatedAt { get; init; }
    public DateTime? DeliveredAt { get; init; }
}
