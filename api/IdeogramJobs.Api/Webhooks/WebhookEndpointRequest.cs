namespace IdeogramJobs.Api.Webhooks;

/// <summary>An endpoint to create, or the parts of one to change (absent members stay as they are).</summary>
public sealed record WebhookEndpointRequest
{
    /// <example>https://hooks.example.com/ideogram</example>
    public string? Url { get; init; }

    /// <summary>The events to send; on create, all job events when absent.</summary>
    /// <example>["job.completed","job.failed"]</example>
    public IReadOnlyList<string>? EventTypes { get; init; }

    public bool? Enabled { get; init; }
}
