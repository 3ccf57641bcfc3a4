namespace IdeogramJobs.Database.Webhooks;

/// <summary>A new or rotated endpoint with its secret in plain text: the only time the secret is shown.</summary>
public sealed record CreatedWebhookEndpoint(WebhookEndpoint Endpoint, string Secret);
