using System.Text.Json.Nodes;

namespace IdeogramJobs.Api.Ideogram;

/// <summary>An ad-hoc generation: a prompt and any V3 settings, run as a job under the account's limits.</summary>
public sealed record GenerateRequest
{
    public string? Prompt { get; init; }

    /// <summary>Settings in the service's vocabulary, e.g. {"aspectRatio":"16:9","renderingSpeed":"TURBO","numImages":2}.</summary>
    public JsonObject? Settings { get; init; }

    public int? Priority { get; init; }

    /// <summary>How long to wait for the images before answering 202 instead (0-55 s, default 25).</summary>
    public int? WaitSeconds { get; init; }
}

/// <summary>A job type plus overrides, run as a job; waits for the images like <see cref="GenerateRequest"/>.</summary>
public sealed record GenerateWithOverridesRequest
{
    public string? JobType { get; init; }

    public int? ConfigId { get; init; }

    public string? Prompt { get; init; }

    public JsonObject? Overrides { get; init; }

    public int? Priority { get; init; }

    public int? WaitSeconds { get; init; }
}
