using System.Text.Json;
using IdeogramJobs.Api.Events;
using IdeogramJobs.Api.Images;
using IdeogramJobs.Contracts.Jobs;
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
    public async Task ExecuteAsync(HttpContext context)
    {
        var heartbeat = context.RequestServices.GetRequiredService<IOptions<JobEventStreamOptions>>().Value.Heartbeat;
        var json = context.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        var time = context.RequestServices.GetRequiredService<TimeProvider>();
        var urls = context.RequestServices.GetRequiredService<ImageUrls>();
        var cancellation = context.RequestAborted;

        ServerSentEvents.Begin(context);
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
                await ServerSentEvents.WriteAsync(context, Format(addressed, json), cancellation);
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
                await ServerSentEvents.WriteAsync(context, ServerSentEvents.Heartbeat, cancellation);
                lastWrite = time.GetTimestamp();
            }
        }
    }

    private static string Format(JobEvent item, JsonSerializerOptions json) =>
        ServerSentEvents.Format(item.Kind.ToString().ToLowerInvariant(), item.Sequence, item, json);

}
