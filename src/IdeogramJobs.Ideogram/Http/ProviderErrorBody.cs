using System.Globalization;
using System.Text.Json;

namespace IdeogramJobs.Ideogram.Http;

/// <summary>
/// The useful text of an Ideogram error body: a problem document's <c>detail</c> (400), an
/// <c>{"error": ...}</c> (422, 429), a <c>reject_reason</c> (402, 429) and, for 429, the
/// in-flight limit. Anything that is not JSON is kept as plain text, shortened.
/// </summary>
internal sealed record ProviderErrorBody(string? Text, string? RejectReason, int? MaxInflightRequests)
{
    private const int MaxTextLength = 500;

    public static ProviderErrorBody Parse(string body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return new ProviderErrorBody(null, null, null);
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                var root = document.RootElement;
                var text = StringProperty(root, "detail") ?? StringProperty(root, "error") ?? StringProperty(root, "message")
                    ?? StringProperty(root, "title");
                int? maxInflight = root.TryGetProperty("max_inflight_requests", out var max) && max.TryGetInt32(out var value) ? value : null;
                return new ProviderErrorBody(Shorten(text), StringProperty(root, "reject_reason"), maxInflight);
            }
        }
        catch (JsonException)
        {
            // Not JSON (a proxy's HTML page, plain text): fall through and keep the text.
        }

        return new ProviderErrorBody(Shorten(body), null, null);
    }

    /// <summary>One line for a message: the text plus the reject reason and limit when present.</summary>
    public string? Describe()
    {
        var parts = new List<string>();
        if (!string.IsNullOrWhiteSpace(Text))
        {
            parts.Add(Text);
        }

        if (RejectReason is not null)
        {
            parts.Add($"reject_reason: {RejectReason}");
        }

        if (MaxInflightRequests is { } max)
        {
            parts.Add($"max_inflight_requests: {max.ToString(CultureInfo.InvariantCulture)}");
        }

        return parts.Count == 0 ? null : string.Join("; ", parts);
    }

    private static string? StringProperty(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string? Shorten(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var oneLine = string.Join(' ', text.Split((char[])['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries)).Trim();
        return oneLine.Length <= MaxTextLength ? oneLine : string.Concat(oneLine.AsSpan(0, MaxTextLength), "…");
    }
}
