namespace IdeogramJobs.Ideogram.Tests.Infrastructure;

/// <summary>A request as the scripted host received it.</summary>
public sealed record CapturedRequest(
    string Path,
    IReadOnlyDictionary<string, string> Headers,
    string? ContentType,
    IReadOnlyList<MultipartPart> Parts)
{
    public string? Header(string name) =>
        Headers.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value;

    public IReadOnlyList<(string Name, string Value)> TextFields =>
        Parts.Where(p => p.FileName is null).Select(p => (p.Name, p.Text)).ToArray();
}
