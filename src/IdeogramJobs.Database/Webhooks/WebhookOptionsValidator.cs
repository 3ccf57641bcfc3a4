using Microsoft.Extensions.Options;

namespace IdeogramJobs.Database.Webhooks;

/// <summary>Checks the webhook variables at start; every message names the variable to fix.</summary>
public sealed class WebhookOptionsValidator : IValidateOptions<WebhookOptions>
{
    public ValidateOptionsResult Validate(string? name, WebhookOptions o)
    {
        var failures = new List<string>();
        if (WebhookAllowList.Problem(o.AllowedHosts) is { } problem)
        {
            failures.Add($"{WebhookOptions.AllowedHostsVariable}: {problem}");
        }

        Require(failures, o.TimeoutSeconds is >= 0.1 and <= 60, $"{WebhookOptions.TimeoutSecondsVariable} must be 0.1-60; got {o.TimeoutSeconds}.");
        Require(failures, o.RetryBaseSeconds is >= 0.01 and <= 3600, $"{WebhookOptions.RetryBaseSecondsVariable} must be 0.01-3600; got {o.RetryBaseSeconds}.");
        Require(failures, o.RetryMaxSeconds >= o.RetryBaseSeconds && o.RetryMaxSeconds <= 86_400, $"{WebhookOptions.RetryMaxSecondsVariable} must be at least {WebhookOptions.RetryBaseSecondsVariable} and at most 86400; got {o.RetryMaxSeconds}.");
        Require(failures, o.RetryHours is > 0 and <= 168, $"{WebhookOptions.RetryHoursVariable} must be above 0 and at most 168 (a week); got {o.RetryHours}.");
        Require(failures, o.PollMilliseconds is >= 50 and <= 60_000, $"{WebhookOptions.PollMillisecondsVariable} must be 50-60000; got {o.PollMilliseconds}.");
        Require(failures, o.LeaseSeconds >= o.TimeoutSeconds + 5 && o.LeaseSeconds <= 3600, $"{WebhookOptions.LeaseSecondsVariable} must be at least {WebhookOptions.TimeoutSecondsVariable} + 5 and at most 3600; got {o.LeaseSeconds}.");
        Require(failures, o.SecretOverlapHours is >= 0 and <= 168, $"{WebhookOptions.SecretOverlapHoursVariable} must be 0-168; got {o.SecretOverlapHours}.");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Require(List<string> failures, bool condition, string message)
    {
        if (!condition)
        {
            failures.Add(message);
        }
    }
}
