using System.Text.Json;
using System.Text.Json.Serialization;

namespace IdeogramJobs.Database.Jobs;

/// <summary>
/// ssnews_jobs.payload of an image job: what the caller asked for, beside the settings row.
/// Absent values are left out of the JSON.
/// </summary>
internal sealed record JobPayload
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public required string Prompt { get; init; }
    public string? CustomPromptAddition { get; init; }
    public required string JobTypeName { get; init; }
    public required int ConfigId { get; init; }
    public IReadOnlyList<string> StyleReferenceImages { get; init; } = [];
    public string? CharacterReferenceImage { get; init; }
    public long? RegeneratedFrom { get; init; }
    public IdeogramJobs.Contracts.Jobs.RegenerationReplay? Replay { get; init; }
    public string? IdempotencyKey { get; init; }
    public string? WebhookUrl { get; init; }

    public static JobPayload For(NewJob job) => new()
    {
        Prompt = job.Prompt,
        CustomPromptAddition = job.CustomPromptAddition,
        JobTypeName = job.JobTypeName,
        ConfigId = job.ConfigId,
        StyleReferenceImages = [.. job.StyleReferenceImages.Select(i => i.FileName)],
        CharacterReferenceImage = job.CharacterReferenceImage?.FileName,
        RegeneratedFrom = job.RegeneratedFrom,
        Replay = job.Replay,
        IdempotencyKey = job.IdempotencyKey,
        WebhookUrl = job.WebhookUrl,
    };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static JobPayload Parse(string json) =>
        JsonSerializer.Deserialize<JobPayload>(json, Json) ?? throw new JsonException("The job payload is JSON null.");
}
