using IdeogramJobs.Api.Accounts;
using IdeogramJobs.Api.Authentication;
using IdeogramJobs.Api.OpenApi;
using IdeogramJobs.Api.Problems;
using IdeogramJobs.Contracts.Accounts;
using IdeogramJobs.Contracts.Admin;
using IdeogramJobs.Contracts.Capacity;
using IdeogramJobs.Database.Accounts;
using IdeogramJobs.Database.Tenancy;
using IdeogramJobs.Database.Usage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;

namespace IdeogramJobs.Api.Admin;

/// <summary>
/// Service administration with ADMIN_API_KEY: accounts, their limits and API keys, usage
/// analytics per account or across accounts, what each silo of the cluster carries, and how much
/// of Ideogram's in-flight capacity is in use.
/// </summary>
public static class AdminApi
{
    private const string Account = "/accounts/{accountId:" + AccountIdRouteConstraint.Name + "}";

    /// <summary>The key of the cluster's one capacity grain (IdeogramCapacityGrain.DefaultKey; the API does not reference the grains).</summary>
    private const string IdeogramCapacityKey = ProviderKeyIdentity.Service;

    private const string CreateAccountExample = """
        {"organizationSlug":"acme","organizationName":"Acme Ltd","accountSlug":"acme-marketing","accountName":"Acme Marketing"}
        """;

    private const string LimitsExample = """
        {"jobsPerMinute":30,"jobsPerDay":2000,"imagesPerMinute":60,"imagesPerDay":8000,"dailyImageQuota":5000,"maxConcurrentJobs":5}
        """;

    private const string IssueKeyExample = """{"name":"publishing pipeline","role":"user"}""";

    /// <summary>Route values named <c>{accountId:accountId}</c> must look like an account id.</summary>
    public static IServiceCollection AddAdminApi(this IServiceCollection services) =>
        services.Configure<RouteOptions>(options => options.SetParameterPolicy<AccountIdRouteConstraint>(AccountIdRouteConstraint.Name));

    public static IEndpointRouteBuilder MapAdminApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapServiceAdminGroup();

        group.MapPost("/accounts", CreateAccount)
            .WithName("CreateAccount")
            .WithSummary("Creates an account (and its organisation when the slug is new) with the default job types; an existing slug answers the existing account")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .WithRequestExample(CreateAccountExample);

        group.MapGet("/accounts", ListAccounts)
            .WithName("ListAccounts")
            .WithSummary("Every account with its state and limits");

        group.MapGet(Account, GetAccount)
            .WithName("GetAccount")
            .WithSummary("One account with its state and limits")
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost(Account + "/deactivate", DeactivateAccount)
            .WithName("DeactivateAccount")
            .WithSummary("Deactivates an account: its keys are refused (403) and it runs no new jobs")
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost(Account + "/activate", ActivateAccount)
            .WithName("ActivateAccount")
            .WithSummary("Activates an account again")
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPut(Account + "/limits", SetLimits)
            .WithName("SetAccountLimits")
            .WithSummary("Replaces the account's own rate limits, daily quota and concurrency cap (null: the service default)")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .WithRequestExample(LimitsExample);

        group.MapPost(Account + "/keys", IssueKey)
            .WithName("IssueApiKey")
            .WithSummary("Issues an API key for the account; the key is in this response only, the service keeps its hash")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .WithRequestExample(IssueKeyExample);

        group.MapGet(Account + "/keys", ListKeys)
            .WithName("ListApiKeys")
            .WithSummary("The account's keys (prefix, role, last use, revocation), never the keys themselves")
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapDelete(Account + "/keys/{keyId:long}", RevokeKey)
            .WithName("RevokeApiKey")
            .WithSummary("Revokes a key of the account (again: no change); it stops working at once")
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapGet(Account + "/usage", GetAccountUsage)
            .WithName("GetAccountUsage")
            .WithSummary("The account's usage over [from, to) per day or hour: jobs by status and type, images, success rate, latency percentiles, retries, rate-limit refusals")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapGet("/usage", GetUsage)
            .WithName("GetUsage")
            .WithSummary("Usage across all accounts over [from, to) per day or hour")
            .ProducesValidationProblem();

        group.MapGet("/cluster", GetCluster)
            .WithName("GetCluster")
            .WithSummary("Each active silo with its activations, CPU and memory (bytes), overload and connected clients");

        group.MapGet("/capacity", GetCapacity)
            .WithName("GetIdeogramCapacity")
            .WithSummary("Ideogram's in-flight images as the cluster counts them: capacity, in use and what holds it (leases and calls given up on), waiting jobs, the most in use so far, and the silo counting them");

        return app;
    }

    private static async Task<Results<Created<AccountSummary>, ValidationProblem>> CreateAccount(
        CreateAccountRequest request, AccountProvisioner provisioner, IAccountStore accounts, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var errors = request.Validate();
        if (errors.Count > 0)
        {
            return SettingsProblems.Invalid(errors, "The account is invalid.");
        }

        // Provisioning runs to its end even when the client goes away, so no organisation is left without its account.
        var organizationId = await provisioner.EnsureOrganizationAsync(request.OrganizationSlug!, request.OrganizationName!, CancellationToken.None);
        var accountId = await provisioner.EnsureAccountAsync(organizationId, request.AccountSlug!, request.AccountName!, CancellationToken.None);
        Logger(loggers).LogInformation("Account {AccountId} ({AccountSlug}) is ready in organisation {OrganizationId}", accountId, request.AccountSlug, organizationId);
        var account = await accounts.GetAsync(accountId, cancellationToken)
            ?? throw new InvalidOperationException($"Account {accountId} was created but cannot be read back.");
        return TypedResults.Created($"/api/admin/accounts/{accountId}", account.ToSummary());
    }

    private static async Task<Ok<IReadOnlyList<AccountSummary>>> ListAccounts(IAccountStore accounts, CancellationToken cancellationToken) =>
        TypedResults.Ok<IReadOnlyList<AccountSummary>>([.. (await accounts.ListAsync(cancellationToken)).Select(a => a.ToSummary())]);

    private static async Task<Results<Ok<AccountSummary>, ProblemHttpResult>> GetAccount(string accountId, IClusterClient cluster) =>
        await AccountGrain(cluster, accountId).GetSummaryAsync() is { } account ? TypedResults.Ok(account) : NoSuchAccount();

    private static Task<Results<Ok<AccountSummary>, ProblemHttpResult>> DeactivateAccount(string accountId, IClusterClient cluster, ApiKeyCache keys) =>
        SetActive(accountId, false, cluster, keys);

    private static Task<Results<Ok<AccountSummary>, ProblemHttpResult>> ActivateAccount(string accountId, IClusterClient cluster, ApiKeyCache keys) =>
        SetActive(accountId, true, cluster, keys);

    private static async Task<Results<Ok<AccountSummary>, ProblemHttpResult>> SetActive(string accountId, bool isActive, IClusterClient cluster, ApiKeyCache keys)
    {
        var account = await AccountGrain(cluster, accountId).SetActiveAsync(isActive);
        // The account's keys carry its state; forget them so the change applies to the next request.
        keys.ForgetAll();
        return account is null ? NoSuchAccount() : TypedResults.Ok(account);
    }

    private static async Task<Results<Ok<AccountSummary>, ValidationProblem, ProblemHttpResult>> SetLimits(
        string accountId, AccountLimits limits, IClusterClient cluster)
    {
        var errors = AccountLimitsRules.Validate(limits);
        if (errors.Count > 0)
        {
            return SettingsProblems.Invalid(errors, "The limits are invalid.");
        }

        return await AccountGrain(cluster, accountId).SetLimitsAsync(limits) is { } account ? TypedResults.Ok(account) : NoSuchAccount();
    }

    private static async Task<Results<Created<IssuedApiKey>, ValidationProblem, ProblemHttpResult>> IssueKey(
        string accountId, IssueApiKeyRequest request, IApiKeyStore keys, ILoggerFactory loggers, HttpContext context)
    {
        var errors = request.Validate();
        if (errors.Count > 0)
        {
            return SettingsProblems.Invalid(errors, "The key request is invalid.");
        }

        var role = request.ParsedRole!.Value;
        var issued = await keys.IssueAsync(accountId, request.Name!, role, context.RequestAborted);
        if (issued is null)
        {
            return NoSuchAccount();
        }

        Logger(loggers).LogInformation("API key {KeyId} ({KeyPrefix}, {Role}) issued for {AccountId}", issued.KeyId, issued.Prefix, role, accountId);

        // The response carries the key itself: no cache may keep it.
        context.Response.Headers[HeaderNames.CacheControl] = "no-store";
        return TypedResults.Created((string?)null, issued);
    }

    private static async Task<Results<Ok<IReadOnlyList<ApiKeyInfo>>, ProblemHttpResult>> ListKeys(
        string accountId, IClusterClient cluster, IApiKeyStore keys, CancellationToken cancellationToken)
    {
        if (await AccountGrain(cluster, accountId).GetSummaryAsync() is null)
        {
            return NoSuchAccount();
        }

        return TypedResults.Ok(await keys.ListAsync(accountId, cancellationToken));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> RevokeKey(
        string accountId, long keyId, IApiKeyStore keys, ApiKeyCache cache, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        if (!await keys.RevokeAsync(accountId, keyId, cancellationToken))
        {
            return ApiProblems.NotFound("No such key.", "The account has no key with this id.");
        }

        Logger(loggers).LogInformation("API key {KeyId} of {AccountId} revoked", keyId, accountId);
        cache.ForgetKey(keyId);
        return TypedResults.NoContent();
    }

    private static async Task<Results<Ok<UsageReport>, ValidationProblem, ProblemHttpResult>> GetAccountUsage(
        string accountId, IClusterClient cluster, IUsageQueries usage, TimeProvider time, CancellationToken cancellationToken, string? from = null, string? to = null, string? granularity = null)
    {
        var query = UsageRange.Parse(accountId, from, to, granularity, time.GetUtcNow(), out var errors);
        if (query is null)
        {
            return SettingsProblems.Invalid(errors, "The usage query is invalid.");
        }

        if (await AccountGrain(cluster, accountId).GetSummaryAsync() is null)
        {
            return NoSuchAccount();
        }

        return TypedResults.Ok(await usage.GetAsync(query, cancellationToken));
    }

    private static async Task<Results<Ok<UsageReport>, ValidationProblem>> GetUsage(
        IUsageQueries usage, TimeProvider time, CancellationToken cancellationToken, string? from = null, string? to = null, string? granularity = null)
    {
        var query = UsageRange.Parse(null, from, to, granularity, time.GetUtcNow(), out var errors);
        return query is null
            ? SettingsProblems.Invalid(errors, "The usage query is invalid.")
            : TypedResults.Ok(await usage.GetAsync(query, cancellationToken));
    }

    private static async Task<Ok<ClusterSnapshot>> GetCluster(IClusterClient cluster) =>
        TypedResults.Ok(await Admin(cluster).GetClusterAsync());

    private static async Task<Ok<CapacitySnapshot>> GetCapacity(IClusterClient cluster) =>
        TypedResults.Ok(await cluster.GetGrain<IIdeogramCapacityGrain>(IdeogramCapacityKey).GetSnapshotAsync());

    private static IAdminGrain Admin(IClusterClient cluster) => cluster.GetGrain<IAdminGrain>(0);

    private static ILogger Logger(ILoggerFactory loggers) => loggers.CreateLogger(typeof(AdminApi));

    private static IAccountGrain AccountGrain(IClusterClient cluster, string accountId) => cluster.GetGrain<IAccountGrain>(accountId);

    private static ProblemHttpResult NoSuchAccount() => ApiProblems.NotFound("No such account.");
}
