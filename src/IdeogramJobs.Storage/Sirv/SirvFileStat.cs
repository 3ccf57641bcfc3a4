using System.Text.Json.Serialization;

namespace IdeogramJobs.Storage.Sirv;

/// <summary>The fields of GET /v2/files/stat that tell whether a file is already stored.</summary>
internal sealed record SirvFileStat(
    [property: JsonPropertyName("size")] long Size,
    [property: JsonPropertyName("contentType")] string? ContentType,
    [property: JsonPropertyName("isDirectory")] bool IsDirectory);
