using System.Text;
using System.Text.Json;

namespace IdeogramJobs.Storage.Sirv;

/// <summary>A short, redacted description of a Sirv error body for exception messages.</summary>
internal static class SirvErrorDetail
{
    private const int MaxBodyBytes = 64 * 1024;
    private const int MaxDetailLength = 200;

    /// <summary>Returns ": &lt;message&gt;" from the body (JSON message/error field or plain text), or "" when empty.</summary>
    public static async Task<string> ReadAsync(HttpResponseMessage response, Func<string, string> redact, CancellationToken cancellationToken)
    {
        string body;
        try
        {
            await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
            var buffer = new byte[MaxBodyBytes];
            var length = await stream.ReadAtLeastAsync(buffer, MaxBodyBytes, throwOnEndOfStream: false, cancellationToken);
            body = Encoding.UTF8.GetString(buffer, 0, length);
        }
        catch (HttpRequestException)
        {
            return string.Empty;
        }
        catch (IOException)
        {
            return string.Empty;
        }

        // Redact before shortening so a cut can never leave part of a secret behind.
        var detail = redact(ExtractMessage(body));
        detail = string.Join(' ', detail.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (detail.Length > MaxDetailLength)
        {
            detail = detail[..MaxDetailLength] + "…";
        }

        return detail.Length == 0 ? string.Empty : ": " + detail;
    }

    private static string ExtractMessage(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                foreach (var field in new[] { "message", "error" })
                {
                    if (document.RootElement.TryGetProperty(field, out var value) && value.ValueKind == JsonValueKind.String)
                    {
                        return value.GetString() ?? string.Empty;
                    }
                }
            }
        }
        catch (JsonException)
        {
            return body;
        }

        return body;
    }
}
