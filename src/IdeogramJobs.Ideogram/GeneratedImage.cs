namespace IdeogramJobs.Ideogram;

/// <summary>
/// One generated image with the bytes already downloaded (Ideogram's URLs expire).
/// <see cref="Prompt"/> is the prompt Ideogram used, which may be its Magic Prompt rewrite.
/// When Ideogram withheld the image (<see cref="IsImageSafe"/> false) there is no URL and no
/// content; the image is billed all the same. <see cref="Seed"/> and <see cref="Resolution"/>
/// are null only if Ideogram left them out.
/// </summary>
public sealed record GeneratedImage(
    string Prompt,
    string? Resolution,
    long? Seed,
    string? StyleType,
    bool IsImageSafe,
    Uri? SourceUrl,
    byte[]? Content,
    string? ContentType)
{
    public bool HasContent => Content is { Length: > 0 };
}
