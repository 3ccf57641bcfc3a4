using System.Text.Json.Nodes;

namespace IdeogramJobs.Api.Jobs;

/// <summary>
/// Run a job again: with no overrides, exactly its final settings; with overrides, its original
/// overrides with these laid over them. A prompt, when given, replaces the original.
/// </summary>
public sealed record RegenerateJobRequest
{
    public string? Prompt { get; init; }

    public JsonObject? Overrides { get; init; }
}
