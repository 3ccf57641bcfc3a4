using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace IdeogramJobs.Ideogram.Simulator.Validation;

/// <summary>
/// Reads a multipart/form-data body part by part, keeping order and repeated names (the framework's
/// form collection groups by name and would hide both).
/// </summary>
public static class MultipartFormReader
{
    public static async Task<FormReadResult> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType)
            || !mediaType.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            return Fail($"'{request.ContentType ?? ""}' is not a supported body type; send multipart/form-data");
        }
        var boundary = HeaderUtilities.RemoveQuotes(mediaType.Boundary).Value;
        if (string.IsNullOrEmpty(boundary))
        {
            return Fail("multipart/form-data without a boundary cannot be read");
        }

        try
        {
            return await ReadPartsAsync(boundary, request.Body, cancellationToken);
        }
        catch (Exception exception) when (exception is InvalidDataException
            || (exception is IOException and not BadHttpRequestException && !cancellationToken.IsCancellationRequested))
        {
            return new FormReadResult([], new ValidationFailure("body", $"the multipart body is malformed: {exception.Message}"));
        }
    }

    private static async Task<FormReadResult> ReadPartsAsync(string boundary, Stream body, CancellationToken cancellationToken)
    {
        var parts = new List<FormPart>();
        var reader = new MultipartReader(boundary, body);
        while (await reader.ReadNextSectionAsync(cancellationToken) is { } section)
        {
            if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)
                || !disposition.DispositionType.Equals("form-data", StringComparison.OrdinalIgnoreCase))
            {
                return Fail("every part needs a Content-Disposition: form-data header");
            }
            var name = HeaderUtilities.RemoveQuotes(disposition.Name).Value;
            if (string.IsNullOrEmpty(name))
            {
                return Fail("a part has no name");
            }
            var fileName = disposition.FileName.HasValue || disposition.FileNameStar.HasValue
                ? HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).Value ?? ""
                : null;
            using var buffer = new MemoryStream();
            await section.Body.CopyToAsync(buffer, cancellationToken);
            parts.Add(new FormPart(name, fileName, section.ContentType, buffer.ToArray()));
        }
        return new FormReadResult(parts, null);
    }

    private static FormReadResult Fail(string message) =>
        new([], new ValidationFailure("Content-Type", message));
}
