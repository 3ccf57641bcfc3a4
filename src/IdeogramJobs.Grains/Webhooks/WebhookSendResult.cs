namespace IdeogramJobs.Grains.Webhooks;

/// <summary>What one attempt to send a delivery got: the receiver's status code, or why there was none.</summary>
public sealed record WebhookSendResult(int? StatusCode, string? Error)
{
    public bool Delivered => StatusCode is >= 200 and < 300;

    /// <summary>410 Gone: the receiver says the endpoint is no more, so it is disabled rather than retried.</summary>
    public bool Gone => StatusCode == 410;
}
