using IdeogramJobs.Contracts.Settings;

namespace IdeogramJobs.Database.Images;

/// <summary>
/// What generation_metadata keeps about a job's image besides the image's own facts: the job type, the
/// prompt asked for, the final settings and the stored bytes. Serialised once, when the row is written.
/// </summary>
public sealed record GenerationMetadata
{
    public required string JobTypeName { get; init; }
    public required int ConfigId { get; init; }
    public required string RequestedPrompt { get; init; }
    public required JobSettings FinalSettings { get; init; }
    public required string ContentType { get; init; }
    public required long SizeBytes { get; init; }
    public required string Sha256 { get; init; }
}
