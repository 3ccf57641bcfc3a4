using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Features;

namespace IdeogramJobs.Api.Events;

/// <summary>The server-sent-event wire format the job and account streams share.</summary>
public static class ServerSentEvents
{
    public const string ContentType = "text/event-stream";

    /// <summary>A comment line that keeps proxies from closing a quiet stream.</summary>
    public const string Heartbeat = ": keep-alive\n\n";

    /// <summary>Starts the answer as an unbuffered, uncached, uncompressed event stream.</summary>
    public static void Begin(HttpContext context)
    {
        context.Response.ContentType = ContentType;
        context.Response.Headers.CacheControl = "no-cache,no-store";
        context.Response.Headers.ContentEncoding = "identity";
        context.Features.GetRequiredFeature<IHttpResponseBodyFeature>().DisableBuffering();
    }

    public static string Format<T>(string type, long id, T data, JsonSerializerOptions json) =>
        string.Create(CultureInfo.InvariantCulture, $"event: {type}\nid: {id}\ndata: {JsonSerializer.Serialize(data, json)}\n\n");

    /// <summary>Writes <paramref name="text"/> and sends it at once.</summary>
    public static async Task WriteAsync(HttpContext context, string text, CancellationToken cancellation)
    {
        await context.Response.WriteAsync(text, cancellation);
        await context.Response.Body.FlushAsync(cancellation);
    }
}
