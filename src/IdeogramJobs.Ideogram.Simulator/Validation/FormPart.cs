namespace IdeogramJobs.Ideogram.Simulator.Validation;

/// <summary>
/// One part of a multipart body: a text field (<see cref="Value"/>) or a file (<see cref="FileName"/>
/// present, <see cref="Content"/> holds the bytes).
/// </summary>
public sealed record FormPart(string Name, string? FileName, string? ContentType, byte[] Content)
{
    public bool IsFile => FileName is not null;

    /// <summary>The part's text, read as UTF-8.</summary>
    public string Value => System.Text.Encoding.UTF8.GetString(Content);
}
