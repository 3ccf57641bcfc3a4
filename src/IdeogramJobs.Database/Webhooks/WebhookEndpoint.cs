namespace IdeogramJobs.Database.Webhooks;

/// <summary>An account's webhook endpoint as the API shows it; the secret is never part of it.</summary>
public sealed record WebhookEndpoint
{
    public required long EndpointId { get; init; }
    public required string AccountId { get; init; }
    public required string Url { get; init; }
    public required IReadOnlyList<string> EventTypes { get; init; }
    public required bool Enabled { get; init; }

    /// <summary>Why the service disabled the endpoint (the receiver answered 410 Gone), if it did.</summary>
    public string? DisabledReason { get; init; }

    /// <summary>Until when the secret before the last rotation still signs beside the current one.</summary>
    public DateTime? PreviousSecretUntil { get; init; }

    public required DateTime CreatedAt { get; init; }
    public required DateTime UpdatedAt { get; init; }
}
