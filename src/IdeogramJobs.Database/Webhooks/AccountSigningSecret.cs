namespace IdeogramJobs.Database.Webhooks;

/// <summary>
/// An account's default signing secret in plain text, which signs deliveries to jobs' own webhookUrls;
/// shown only to the account's admins.
/// </summary>
public sealed record AccountSigningSecret
{
    public required string Secret { get; init; }

    /// <summary>Until when the secret before the last rotation still signs beside this one.</summary>
    public DateTime? PreviousSecretUntil { get; init; }

    public required DateTime CreatedAt { get; init; }
    public DateTime? RotatedAt { get; init; }
}
