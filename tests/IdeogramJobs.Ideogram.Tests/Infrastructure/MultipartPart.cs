namespace IdeogramJobs.Ideogram.Tests.Infrastructure;

/// <summary>One part of a multipart/form-data body as it arrived: raw disposition, name, file name, type and bytes.</summary>
public sealed record MultipartPart(string ContentDisposition, string Name, string? FileName, string? ContentType, byte[] Content)
{
    public string Text => System.Text.Encoding.UTF8.GetString(Content);
}
