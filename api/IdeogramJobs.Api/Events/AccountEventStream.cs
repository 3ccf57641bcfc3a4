using System.Text.Json;
using IdeogramJobs.Api.Images;
using IdeogramJobs.Api.Jobs;
using IdeogramJobs.Contracts.Events;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace IdeogramJobs.Api.Events;

/// <summary>
/// Every job event of one account as server-sent events (event: submitted, status, progress or image;
/// id: the account's sequence; data: the event as JSON), for as long as the client listens. A new
/// stream starts with a "ready" event naming where the account stands; a resumed one (Last-Event-ID)
/// carries on after it, or sends "reset" when the events in between are no longer held, so the client
/// reads its lists again. A quiet stream carries a comment line every heartbeat interval. Image
/// addresses are built for this request, as every answer's are.
/// </summary>
public sealed class AccountEventStream(IAccountEventsGrain account, long? after) : IResult
{
    public async Task ExecuteAsync(HttpContext context)
    {
        var heartbeat = context.RequestServices.GetRequiredService<IOptions<JobEventStreamOptions>>().Value.Heartbeat;
        var json = context.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        var time = context.RequestServices.GetRequiredService<TimeProvider>();
        var urls = context.RequestServices.GetRequiredService<ImageUrls>();
        var cancellation = context.RequestAborted;

        ServerSentEvents.Begin(context);

        long seen;
        if (after is { } resumed)
        {
            seen = resumed;
        }
        else
        {
            seen = (await account.WatchAsync(null, TimeSpan.Zero)).Latest;
            await ServerSentEvents.WriteAsync(context, ServerSentEvents.Format("ready", seen, new { latest = seen }, json), cancellation);
        }

        await context.Response.Body.FlushAsync(cancellation);
        var lastWrite = time.GetTimestamp();
        while (!cancellation.IsCancellationRequested)
        {
            var quietFor = heartbeat - time.GetElapsedTime(lastWrite);
            var batch = await account.WatchAsync(seen, quietFor > TimeSpan.Zero ? quietFor : TimeSpan.Zero);
            if (batch.Reset)
            {
                seen = batch.Latest;
                await ServerSentEvents.WriteAsync(context, ServerSentEvents.Format("reset", seen, new { latest = seen, reason = "Events since Last-Event-ID are no longer held; read the lists again." }, json), cancellation);
                lastWrite = time.GetTimestamp();
                continue;
            }

            foreach (var item in batch.Events)
            {
                seen = item.Sequence;
                var addressed = item.Images.Count == 0 ? item : item with { Images = [.. item.Images.Select(image => urls.For(context.Request, image))] };
                await ServerSentEvents.WriteAsync(context, ServerSentEvents.Format(item.Kind.ToString().ToLowerInvariant(), item.Sequence, addressed, json), cancellation);
            }

            if (batch.Events.Count > 0)
            {
                lastWrite = time.GetTimestamp();
            }
            else if (time.GetElapsedTime(lastWrite) >= heartbeat)
            {
                await ServerSentEvents.WriteAsync(context, ServerSentEvents.Heartbeat, cancellation);
                lastWrite = time.GetTimestamp();
            }
        }
    }


}
