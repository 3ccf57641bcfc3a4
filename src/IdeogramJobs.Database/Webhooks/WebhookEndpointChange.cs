namespace IdeogramJobs.Database.Webhooks;

/// <summary>A change to an endpoint: members left null stay as they are.</summary>
public sealed record WebhookEndpointChange(string? Url, IReadOnlyList<string>? EventTypes, bool? Enabled);
