using IdeogramJobs.Database.Webhooks;

namespace IdeogramJobs.Api.Webhooks;

/// <summary>An endpoint with its signing secret: answered once, on create and on rotate, and never again.</summary>
public sealed record WebhookSecretResponse(WebhookEndpoint Endpoint, string Secret);
