using System.Text.Json.Nodes;

namespace IdeogramJobs.Api.Jobs;

/// <summary>Run a job type once: by name or config id, with a prompt and the caller's overrides.</summary>
public sealed record ExecuteJobRequest
{
    /// <example>product_marketing</example>
    public string? JobType { get; init; }

    public int? ConfigId { get; init; }

    /// <example>a glass water bottle on a walnut desk</example>
    public string? Prompt { get; init; }

    /// <summary>Settings to change for this run, e.g. {"aspectRatio":"1:1","numImages":2,"customPromptAddition":"with modern minimalist design"}.</summary>
    public JsonObject? Overrides { get; init; }

    /// <summary>Higher runs first among the account's waiting jobs (-100 to 100).</summary>
    public int? Priority { get; init; }

    /// <summary>Where to POST this job's end (signed like the account's webhooks, with its first endpoint's secret).</summary>
    /// <example>https://hooks.example.com/jobs</example>
    public string? WebhookUrl { get; init; }
}
