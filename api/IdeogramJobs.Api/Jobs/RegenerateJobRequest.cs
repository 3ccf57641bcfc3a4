using System.Text.Json.Nodes;

namespace IdeogramJobs.Api.Jobs;

/// <summary>
/// Run a job again: with no overrides, exactly its final settings; with overrides, its original
/// overrides with these laid over them. A prompt, when given, replaces the original.
/// <see cref="Mode"/> <c>exact</c> also replays each image's recorded seed (one job per image when
/// the seeds differ; no overrides); <c>variations</c> asks Ideogram for new seeds.
/// </summary>
public sealed record RegenerateJobRequest
{
    public string? Prompt { get; init; }

    public JsonObject? Overrides { get; init; }

    /// <example>exact</example>
    public string? Mode { get; init; }
}
