using System.Globalization;
using System.Text.Json;
using IdeogramJobs.Api.Images;
using IdeogramJobs.Contracts.Jobs;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace IdeogramJobs.Api.Jobs;

/// <summary>
/// A job's events after <paramref name="after"/> as server-sent events (event: kind, id: sequence,
/// data: the event as JSON), ending with the event that reports a terminal state, or at once when
/// the job has ended and nothing is left to send. While the job is quiet, a comment line is sent
/// at least every heartbeat interval so that proxies keep the connection.
/// </summary>
public sealed class JobEventStream(IJobGrain job, string account, long after) : IResult
{
    public const string ContentType = "text/event-stream";
    public const string Heartbeat = ": keep-alive\n\n";

    public async Task ExecuteAsync(HttpContext context)
    {
        var heartbeat = context.RequestServices.GetRequiredService<IOptions<JobEventStreamOptions>>().Value.Heartbeat;
        var json = context.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        var time = context.RequestServices.GetRequiredService<TimeProvider>();
        var urls = context.RequestServices.GetRequiredService<ImageUrls>();
        var cancellation = context.RequestAborted;

        context.Response.ContentType = ContentType;
        context.Response.Headers.CacheControl = "no-cache,no-store";
        context.Response.Headers.ContentEncoding = "identity";
        context.Features.GetRequiredFeature<IHttpResponseBodyFeature>().DisableBuffering();
        await context.Response.Body.FlushAsync(cancellation);

        var seen = after;
        var lastWrite = time.GetTimestamp();
        var ending = false;
        while (!cancellation.IsCancellationRequested)
        {
            var quietFor = heartbeat - time.GetElapsedTime(lastWrite);
            var events = await job.WatchAsync(account, seen, quietFor > TimeSpan.Zero ? quietFor : TimeSpan.Zero);
            foreach (var item in events)
            {
                seen = item.Sequence;
                var addressed = item.Image is { } image ? item with { Image = urls.For(context.Request, image) } : item;
                await WriteAsync(context, Format(addressed, json), cancellation);
                if (item.Kind == JobEventKind.Status && item.Status.IsTerminal())
                {
                    return;
                }
            }

            if (events.Count > 0)
            {
                lastWrite = time.GetTimestamp();
                continue;
            }

            if (ending)
            {
                return;
            }

            // A finished job answers at once with nothing more to send. One last look after seeing
            // it finished catches events that came between the two calls.
            if (await job.GetAsync(account) is not { } snapshot || snapshot.Status.IsTerminal())
            {
                ending = true;
                continue;
            }

            if (time.GetElapsedTime(lastWrite) >= heartbeat)
            {
                await WriteAsync(context, Heartbeat, cancellation);
                lastWrite = time.GetTimestamp();
            }
        }
    }

    private static string Format(JobEvent item, JsonSerializerOptions json) =>
        string.Create(CultureInfo.InvariantCulture, $"event: {item.Kind.ToString().ToLowerInvariant()}\nid: {item.Sequence}\ndata: {JsonSerializer.Serialize(item, json)}\n\n");

    private static async Task WriteAsync(HttpContext context, string text, CancellationToken cancellation)
    {
        await context.Response.WriteAsync(text, cancellation);
        await context.Response.Body.FlushAsync(cancellation);
    }
}
