using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace IdeogramJobs.Ideogram.Tests.Infrastructure;

/// <summary>Parses a multipart/form-data body back into its parts, in order, with ASP.NET Core's own reader.</summary>
public static class MultipartParts
{
    public static async Task<IReadOnlyList<MultipartPart>> ReadAsync(HttpContent content)
    {
        var contentType = content.Headers.ContentType?.ToString() ?? throw new InvalidOperationException("The content has no Content-Type.");
        await using var body = await content.ReadAsStreamAsync();
        return await ReadAsync(contentType, body);
    }

    public static async Task<IReadOnlyList<MultipartPart>> ReadAsync(string contentType, Stream body)
    {
        var boundary = HeaderUtilities.RemoveQuotes(MediaTypeHeaderValue.Parse(contentType).Boundary).Value
            ?? throw new InvalidOperationException($"No boundary in '{contentType}'.");
        var reader = new MultipartReader(boundary, body);
        var parts = new List<MultipartPart>();
        while (await reader.ReadNextSectionAsync() is { } section)
        {
            var disposition = section.ContentDisposition ?? throw new InvalidOperationException("A part has no Content-Disposition.");
            var parsed = ContentDispositionHeaderValue.Parse(disposition);
            using var buffer = new MemoryStream();
            await section.Body.CopyToAsync(buffer);
            parts.Add(new MultipartPart(
                disposition,
                HeaderUtilities.RemoveQuotes(parsed.Name).Value ?? "",
                parsed.FileName is { } fileName ? HeaderUtilities.RemoveQuotes(fileName).Value : null,
                section.ContentType,
                buffer.ToArray()));
        }

        return parts;
    }
}
