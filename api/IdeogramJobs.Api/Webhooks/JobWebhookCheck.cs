using IdeogramJobs.Api.Authentication;
using IdeogramJobs.Contracts.Settings;
using IdeogramJobs.Database.Secrets;
using IdeogramJobs.Database.Webhooks;

namespace IdeogramJobs.Api.Webhooks;

/// <summary>
/// Checks an execute request's webhookUrl like an endpoint's URL. It is signed with the account's signing
/// secret, which is created here on first need, so a receiver can fetch it before the job ends.
/// </summary>
public sealed class JobWebhookCheck(WebhookUrlPolicy urls, IJobWebhookStore store)
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

        try
        {
            await store.GetOrCreateSigningSecretAsync(Caller.From(context.User).Account, context.RequestAborted);
            return null;
        }
        catch (SecretUnavailableException e)
        {
            return new SettingsError(Field, $"A job's webhook cannot be signed here: {e.Message}");
        }
    }
}
