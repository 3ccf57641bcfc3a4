using System.Net.Http.Headers;

namespace IdeogramJobs.Api.Tests.Robustness;

/// <summary>
/// One malformed request: <see cref="Case"/> says what is wrong with it (never a key), the rest is
/// sent as given, headers unvalidated so that the client does not tidy them.
/// </summary>
public sealed record HostileRequest(
    string Case,
    string Method,
    string Path,
    string? Key,
    IReadOnlyList<(string Name, string Value)> Headers,
    byte[]? Body = null,
    string? ContentType = null)
{
    public HttpRequestMessage ToMessage()
    {
        var message = new HttpRequestMessage(new HttpMethod(Method), new Uri(Path, UriKind.Relative));
        // A fresh connection each: one the server closed after an unread body must not fail the next request.
        message.Headers.ConnectionClose = true;
        if (Key is not null)
        {
            message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Key);
        }

        foreach (var (name, value) in Headers)
        {
            Assert.True(message.Headers.TryAddWithoutValidation(name, value), $"{Case}: the client refused header {name}");
        }

        if (Body is not null)
        {
            // Asking first, as a careful client does with a large body, lets the server refuse it before
            // the upload; without it the server's answer races the upload and the connection may break.
            message.Headers.ExpectContinue = true;
            message.Content = new ByteArrayContent(Body);
            if (ContentType is not null)
            {
                Assert.True(message.Content.Headers.TryAddWithoutValidation("Content-Type", ContentType), $"{Case}: the client refused the content type");
            }
        }

        return message;
    }

    public override string ToString() => $"{Method} {Shorten(Path)} [{Case}]";

    private static string Shorten(string text) => text.Length <= 120 ? text : text[..120] + $"…({text.Length} chars)";
}
