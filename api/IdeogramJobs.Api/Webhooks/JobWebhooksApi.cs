using System.Security.Claims;
using IdeogramJobs.Api.Authentication;
using IdeogramJobs.Database.Secrets;
using IdeogramJobs.Database.Webhooks;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace IdeogramJobs.Api.Webhooks;

/// <summary>
/// What jobs' own webhookUrls need without a registered endpoint: the account's signing secret (read and
/// rotated by account admins, as Replicate's is) and the log of the deliveries it signs, with redeliver.
/// </summary>
public static class JobWebhooksApi
{
    public const string SigningSecretPath = "/api/webhooks/signing-secret";
    public const string DeliveriesPath = "/api/webhooks/job-deliveries";

    public static IEndpointRouteBuilder MapJobWebhooksApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/webhooks")
            .WithTags("Webhooks")
            .RequireAuthorization(ApiKeyDefaults.AccountAdminPolicy)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        group.MapGet("/signing-secret", GetSigningSecretAsync).WithName("GetWebhookSigningSecret")
            .WithSummary("The account's signing secret for jobs' own webhookUrls, created on first need (account admins)")
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/signing-secret/rotate", RotateSigningSecretAsync).WithName("RotateWebhookSigningSecret")
            .WithSummary("A new signing secret for jobs' own webhookUrls; the old one signs beside it for WEBHOOK_SECRET_OVERLAP_HOURS")
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapGet("/job-deliveries", ListDeliveriesAsync).WithName("ListJobWebhookDeliveries")
            .WithSummary("The delivery log of jobs' own webhookUrls, newest first: status, attempts, last response code and error, next attempt")
            .ProducesValidationProblem();
        group.MapPost("/job-deliveries/{deliveryId:long:min(1)}/redeliver", RedeliverAsync).WithName("RedeliverJobWebhook")
            .WithSummary("Sends a delivered or failed delivery to a job's own webhookUrl again, with the same webhook-id")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        return app;
    }

    private static async Task<IResult> GetSigningSecretAsync(ClaimsPrincipal user, IJobWebhookStore store, CancellationToken cancellationToken)
    {
        try
        {
            return TypedResults.Ok(await store.GetOrCreateSigningSecretAsync(Caller.From(user).Account, cancellationToken));
        }
        catch (SecretUnavailableException e)
        {
            return SecretsUnavailable(e);
        }
    }

    private static async Task<IResult> RotateSigningSecretAsync(ClaimsPrincipal user, IJobWebhookStore store, IOptions<WebhookOptions> options, CancellationToken cancellationToken)
    {
        try
        {
            return TypedResults.Ok(await store.RotateSigningSecretAsync(Caller.From(user).Account, options.Value.SecretOverlap, cancellationToken));
        }
        catch (SecretUnavailableException e)
        {
            return SecretsUnavailable(e);
        }
    }

    private static async Task<IResult> ListDeliveriesAsync(int? limit, ClaimsPrincipal user, IJobWebhookStore store, CancellationToken cancellationToken)
    {
        if (DeliveryListLimit.Problem(limit) is { } problem)
        {
            return problem;
        }

        return TypedResults.Ok(await store.ListDeliveriesAsync(Caller.From(user).Account, limit ?? 50, cancellationToken));
    }

    private static async Task<IResult> RedeliverAsync(long deliveryId, ClaimsPrincipal user, IJobWebhookStore store, IOptions<WebhookOptions> options, CancellationToken cancellationToken)
    {
        var account = Caller.From(user).Account;
        if (await store.RedeliverAsync(account, deliveryId, options.Value.RetryWindow, cancellationToken))
        {
            return TypedResults.Accepted(DeliveriesPath);
        }

        return (await store.ListDeliveriesAsync(account, DeliveryListLimit.Max, cancellationToken)).Any(d => d.DeliveryId == deliveryId)
            ? TypedResults.Problem("The delivery is still pending; only a delivered or failed one can be sent again.", statusCode: StatusCodes.Status409Conflict, title: "Delivery still pending")
            : TypedResults.Problem($"The account's jobs have no webhook delivery {deliveryId}.", statusCode: StatusCodes.Status404NotFound, title: "Not found");
    }

    /// <summary>A 409 like the organisation key API's, not a 5xx: the request is fine, the service's configuration lacks the master key.</summary>
    private static ProblemHttpResult SecretsUnavailable(SecretUnavailableException e) =>
        TypedResults.Problem(e.Message, statusCode: StatusCodes.Status409Conflict, title: "Webhook secrets cannot be stored",
            extensions: new Dictionary<string, object?> { ["variable"] = SecretEncryptionOptions.KeysVariable });
}
