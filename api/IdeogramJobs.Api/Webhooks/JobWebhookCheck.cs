using IdeogramJobs.Api.Authentication;
using IdeogramJobs.Contracts.Settings;
using IdeogramJobs.Database.Webhooks;

namespace IdeogramJobs.Api.Webhooks;

/// <summary>
/// Checks an execute request's webhookUrl like an endpoint's URL; it is signed with the secret of the
/// account's oldest endpoint, so the account must have one.
/// </summary>
public sealed class JobWebhookCheck(WebhookUrlPolicy urls, IWebhookStore store)
{
    public const string Field = "webhookUrl";

    public async Task<SettingsError?> ProblemAsync(string? webhookUrl, HttpContext context)
    {
        if (webhookUrl is null)
        {
            return null;
        }

        if (await urls.ProblemAsync(webhookUrl, context.RequestAborted) is { } problem)
        {
            return new SettingsError(Field, problem, webhookUrl.Length > 200 ? webhookUrl[..200] + "…" : webhookUrl);
        }

        return await store.HasEndpointAsync(Caller.From(context.User).Account, context.RequestAborted)
            ? null
            : new SettingsError(Field, $"A job's webhook is signed with the secret of the account's first webhook endpoint; create one first ({WebhooksApi.EndpointsPath}).");
    }
}
