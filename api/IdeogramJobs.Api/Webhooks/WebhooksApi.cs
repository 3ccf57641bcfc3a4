using System.Security.Claims;
using IdeogramJobs.Api.Authentication;
using IdeogramJobs.Api.Problems;
using IdeogramJobs.Database.Secrets;
using IdeogramJobs.Database.Webhooks;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace IdeogramJobs.Api.Webhooks;

/// <summary>
/// The account's webhook endpoints, their secrets and delivery logs. Account admin keys manage their own
/// account's endpoints; the service admin manages any account's by naming it in X-Account-Id.
/// </summary>
public static class WebhooksApi
{
    public const string EndpointsPath = "/api/webhooks/endpoints";

    private const string ById = "/{endpointId:long:min(1)}";

    public static IServiceCollection AddWebhooksApi(this IServiceCollection services)
    {
        services.AddSingleton<WebhookRequestRules>();
        services.AddSingleton<JobWebhookCheck>();
        return services;
    }

    public static IEndpointRouteBuilder MapWebhooksApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/webhooks/event-types", () => TypedResults.Ok(WebhookEventTypes.All))
            .RequireAuthorization(ApiKeyDefaults.AccountPolicy)
            .WithTags("Webhooks").WithName("ListWebhookEventTypes").WithSummary("The events an endpoint may subscribe to");

        var group = app.MapGroup(EndpointsPath)
            .WithTags("Webhooks")
            .RequireAuthorization(ApiKeyDefaults.AccountAdminPolicy)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        group.MapGet("/", ListAsync).WithName("ListWebhookEndpoints").WithSummary("The account's webhook endpoints (account admins)");
        group.MapPost("/", CreateAsync).WithName("CreateWebhookEndpoint")
            .WithSummary("Adds an endpoint and answers its signing secret, shown this once (account admins)")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        group.MapGet(ById, GetAsync).WithName("GetWebhookEndpoint").WithSummary("One webhook endpoint").ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPatch(ById, UpdateAsync).WithName("UpdateWebhookEndpoint")
            .WithSummary("Changes an endpoint's URL or events, or enables or disables it (account admins)")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        group.MapDelete(ById, DeleteAsync).WithName("DeleteWebhookEndpoint").WithSummary("Deletes an endpoint and its delivery log").ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost(ById + "/rotate-secret", RotateAsync).WithName("RotateWebhookSecret")
            .WithSummary("A new signing secret, shown this once; the old one signs beside it for WEBHOOK_SECRET_OVERLAP_HOURS")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        group.MapGet(ById + "/deliveries", ListDeliveriesAsync).WithName("ListWebhookDeliveries")
            .WithSummary("The endpoint's delivery log, newest first: status, attempts, last response code and error, next attempt")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost(ById + "/deliveries/{deliveryId:long:min(1)}/redeliver", RedeliverAsync).WithName("RedeliverWebhook")
            .WithSummary("Sends a delivered or failed delivery again, with the same webhook-id")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        app.MapJobWebhooksApi();
        return app;
    }

    private static async Task<Ok<IReadOnlyList<WebhookEndpoint>>> ListAsync(ClaimsPrincipal user, IWebhookStore store, CancellationToken cancellationToken) =>
        TypedResults.Ok(await store.ListAsync(Caller.From(user).Account, cancellationToken));

    private static async Task<IResult> GetAsync(long endpointId, ClaimsPrincipal user, IWebhookStore store, CancellationToken cancellationToken) =>
        await store.GetAsync(Caller.From(user).Account, endpointId, cancellationToken) is { } endpoint ? TypedResults.Ok(endpoint) : NotFound(endpointId);

    private static async Task<IResult> CreateAsync(WebhookEndpointRequest request, ClaimsPrincipal user, IWebhookStore store, WebhookRequestRules rules, CancellationToken cancellationToken)
    {
        var errors = await rules.CheckAsync(request, creating: true, cancellationToken);
        if (errors.Count > 0)
        {
            return SettingsProblems.Invalid(errors);
        }

        try
        {
            var created = await store.CreateAsync(Caller.From(user).Account, request.Url!, request.EventTypes ?? WebhookRequestRules.DefaultEventTypes, request.Enabled ?? true, cancellationToken);
            return TypedResults.Created($"{EndpointsPath}/{created.Endpoint.EndpointId}", new WebhookSecretResponse(created.Endpoint, created.Secret));
        }
        catch (SecretUnavailableException e)
        {
            return SecretsUnavailable(e);
        }
    }

    private static async Task<IResult> UpdateAsync(long endpointId, WebhookEndpointRequest request, ClaimsPrincipal user, IWebhookStore store, WebhookRequestRules rules, CancellationToken cancellationToken)
    {
        var errors = await rules.CheckAsync(request, creating: false, cancellationToken);
        if (errors.Count > 0)
        {
            return SettingsProblems.Invalid(errors);
        }

        return await store.UpdateAsync(Caller.From(user).Account, endpointId, new WebhookEndpointChange(request.Url, request.EventTypes, request.Enabled), cancellationToken) is { } endpoint
            ? TypedResults.Ok(endpoint)
            : NotFound(endpointId);
    }

    private static async Task<IResult> DeleteAsync(long endpointId, ClaimsPrincipal user, IWebhookStore store, CancellationToken cancellationToken) =>
        await store.DeleteAsync(Caller.From(user).Account, endpointId, cancellationToken) ? TypedResults.NoContent() : NotFound(endpointId);

    private static async Task<IResult> RotateAsync(long endpointId, ClaimsPrincipal user, IWebhookStore store, IOptions<WebhookOptions> options, CancellationToken cancellationToken)
    {
        var account = Caller.From(user).Account;
        if (await store.GetAsync(account, endpointId, cancellationToken) is null)
        {
            return NotFound(endpointId);
        }

        try
        {
            return await store.RotateSecretAsync(account, endpointId, options.Value.SecretOverlap, cancellationToken) is { } rotated
                ? TypedResults.Ok(new WebhookSecretResponse(rotated.Endpoint, rotated.Secret))
                : NotFound(endpointId);
        }
        catch (SecretUnavailableException e)
        {
            return SecretsUnavailable(e);
        }
    }

    private static async Task<IResult> ListDeliveriesAsync(long endpointId, int? limit, ClaimsPrincipal user, IWebhookStore store, CancellationToken cancellationToken)
    {
        var account = Caller.From(user).Account;
        if (DeliveryListLimit.Problem(limit) is { } problem)
        {
            return problem;
        }

        return await store.GetAsync(account, endpointId, cancellationToken) is null
            ? NotFound(endpointId)
            : TypedResults.Ok(await store.ListDeliveriesAsync(account, endpointId, limit ?? 50, cancellationToken));
    }

    private static async Task<IResult> RedeliverAsync(long endpointId, long deliveryId, ClaimsPrincipal user, IWebhookStore store, IOptions<WebhookOptions> options, CancellationToken cancellationToken)
    {
        var account = Caller.From(user).Account;
        if (await store.RedeliverAsync(account, endpointId, deliveryId, options.Value.RetryWindow, cancellationToken))
        {
            return TypedResults.Accepted($"{EndpointsPath}/{endpointId}/deliveries");
        }

        var known = (await store.GetAsync(account, endpointId, cancellationToken)) is not null
            && (await store.ListDeliveriesAsync(account, endpointId, DeliveryListLimit.Max, cancellationToken)).Any(d => d.DeliveryId == deliveryId);
        return known
            ? TypedResults.Problem("The delivery is still pending; only a delivered or failed one can be sent again.", statusCode: StatusCodes.Status409Conflict, title: "Delivery still pending")
            : TypedResults.Problem($"Endpoint {endpointId} has no delivery {deliveryId}.", statusCode: StatusCodes.Status404NotFound, title: "Not found");
    }

    private static ProblemHttpResult NotFound(long endpointId) =>
        TypedResults.Problem($"The account has no webhook endpoint {endpointId}.", statusCode: StatusCodes.Status404NotFound, title: "Not found");

    private static ProblemHttpResult SecretsUnavailable(SecretUnavailableException e) =>
        TypedResults.Problem(e.Message, statusCode: StatusCodes.Status503ServiceUnavailable, title: "Webhook secrets cannot be stored",
            extensions: new Dictionary<string, object?> { ["variable"] = SecretEncryptionOptions.KeysVariable });
}
