using System.Text.Json.Serialization;

namespace IdeogramJobs.Ideogram.Simulator.Stats;

/// <summary>
/// One multipart part as received. A text part shows <c>value</c> and <c>contentType</c> (null when
/// the part declared none); a file part shows <c>fileName</c>, <c>contentType</c> and <c>length</c>.
/// </summary>
public sealed record CapturedField(
    string Name,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Value,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? FileName,
    string? ContentType,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] long? Length)
{
    public static CapturedField Text(string name, string value, string? contentType) => new(name, value, null, contentType, null);

    public static CapturedField File(string name, string? fileName, string? contentType, long length) => new(name, null, fileName, contentType, length);
}
