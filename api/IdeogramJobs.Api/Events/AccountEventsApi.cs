using IdeogramJobs.Api.Authentication;
using IdeogramJobs.Api.Jobs;
using IdeogramJobs.Contracts.Events;
using Microsoft.AspNetCore.Mvc;

namespace IdeogramJobs.Api.Events;

public static class AccountEventsApi
{
    /// <summary>The live stream of every job of the caller's account, which the Jobs list and the gallery follow.</summary>
    public static IEndpointRouteBuilder MapAccountEventsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/jobs/events", StreamAccountEvents)
            .WithTags("Jobs")
            .RequireAuthorization(ApiKeyDefaults.AccountPolicy)
            .WithName("StreamAccountJobEvents")
            .WithSummary("Server-sent events of every job of the account: submitted, status, progress, image, finished with its images")
            .WithDescription("A new stream starts with a 'ready' event. Send Last-Event-ID to resume after the last event received; when the events since are no longer held (the service keeps the last 500 per account, and a restart forgets them) a 'reset' event says to read the lists again. A quiet stream carries a comment line every SSE_HEARTBEAT_SECONDS (15 s by default).")
            .Produces(StatusCodes.Status200OK, contentType: ServerSentEvents.ContentType);
        return app;
    }

    private static AccountEventStream StreamAccountEvents(
        [FromHeader(Name = "Last-Event-ID")] long? lastEventId,
        HttpContext context,
        IClusterClient cluster) =>
        new(cluster.GetGrain<IAccountEventsGrain>(Caller.From(context.User).Account), lastEventId);
}
