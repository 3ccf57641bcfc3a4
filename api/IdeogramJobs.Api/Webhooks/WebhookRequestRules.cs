using IdeogramJobs.Contracts.Settings;
using IdeogramJobs.Database.Webhooks;

namespace IdeogramJobs.Api.Webhooks;

/// <summary>Checks an endpoint request's fields; each error names its field.</summary>
public sealed class WebhookRequestRules(WebhookUrlPolicy urls)
{
    public static IReadOnlyList<string> DefaultEventTypes { get; } = [WebhookEventTypes.JobCompleted, WebhookEventTypes.JobFailed, WebhookEventTypes.JobCancelled];

    public async Task<List<SettingsError>> CheckAsync(WebhookEndpointRequest request, bool creating, CancellationToken cancellationToken)
    {
        var errors = new List<SettingsError>();
        if ((creating || request.Url is not null) && await urls.ProblemAsync(request.Url, cancellationToken) is { } urlProblem)
        {
            errors.Add(new SettingsError("url", urlProblem, Shorten(request.Url)));
        }

        if (request.EventTypes is { } types)
        {
            if (types.Count == 0)
            {
                errors.Add(new SettingsError("eventTypes", "Name at least one event.", null, WebhookEventTypes.All));
            }

            foreach (var unknown in types.Where(t => !WebhookEventTypes.IsKnown(t ?? string.Empty)))
            {
                errors.Add(new SettingsError("eventTypes", "Not an event the service sends.", Shorten(unknown), WebhookEventTypes.All));
            }
        }

        return errors;
    }

    private static string? Shorten(string? value) => value is { Length: > 200 } ? value[..200] + "…" : value;
}
