using IdeogramJobs.Api.Accounts;
using IdeogramJobs.Api.Problems;
using IdeogramJobs.Contracts.Accounts;
using IdeogramJobs.Contracts.Retention;
using Microsoft.AspNetCore.Http.HttpResults;

namespace IdeogramJobs.Api.Admin;

/// <summary>Retention for service admins: what a run would delete, a run now, and an account's own periods.</summary>
public static class RetentionAdminApi
{
    private const string AccountRetention = "/accounts/{accountId:" + AccountIdRouteConstraint.Name + "}/retention";

    public static IEndpointRouteBuilder MapRetentionAdminApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapServiceAdminGroup();

        group.MapGet("/retention/preview", PreviewRetention)
            .WithName("PreviewRetention")
            .WithSummary("What a retention run would delete now, per account: counts by kind and the oldest date (a dry run)")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/retention/run", RunRetention)
            .WithName("RunRetention")
            .WithSummary("Run retention now (all accounts, or the accountId given) and report what was deleted")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet(AccountRetention, GetAccountRetention)
            .WithName("GetAccountRetention")
            .WithSummary("An account's retention: its own periods (null keeps the default) and the policy in effect")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPut(AccountRetention, SetAccountRetention)
            .WithName("SetAccountRetention")
            .WithSummary("Set an account's own retention periods; a null field keeps the service default")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    private static Task<Results<Ok<RetentionReport>, ValidationProblem, ProblemHttpResult>> PreviewRetention(string? accountId, IClusterClient cluster) =>
        ReportAsync(accountId, cluster, retention => retention.PreviewAsync(accountId));

    private static Task<Results<Ok<RetentionReport>, ValidationProblem, ProblemHttpResult>> RunRetention(string? accountId, IClusterClient cluster) =>
        ReportAsync(accountId, cluster, retention => retention.RunAsync(accountId));

    /// <summary>A 400 for an accountId that cannot name an account, a 404 for one that names none; else the report for it (or for all when absent).</summary>
    private static async Task<Results<Ok<RetentionReport>, ValidationProblem, ProblemHttpResult>> ReportAsync(
        string? accountId, IClusterClient cluster, Func<IRetentionGrain, Task<RetentionReport>> report)
    {
        if (accountId is not null)
        {
            if (!AccountIdFormat.IsValid(accountId))
            {
                return SettingsProblems.Invalid("accountId", $"accountId must be {AccountIdFormat.Description}.", accountId);
            }

            if (await cluster.GetGrain<IAccountGrain>(accountId).GetSummaryAsync() is null)
            {
                return NoSuchAccount();
            }
        }

        return TypedResults.Ok(await report(Retention(cluster)));
    }

    private static async Task<Results<Ok<AccountRetentionSettings>, ProblemHttpResult>> GetAccountRetention(string accountId, IClusterClient cluster)
    {
        if (await cluster.GetGrain<IAccountGrain>(accountId).GetSummaryAsync() is null)
        {
            return NoSuchAccount();
        }

        var retention = Retention(cluster);
        return TypedResults.Ok(new AccountRetentionSettings(
            await retention.GetOverrideAsync(accountId) ?? new RetentionOverride(),
            await retention.GetPolicyAsync(accountId)));
    }

    private static async Task<Results<Ok<AccountRetentionSettings>, ValidationProblem, ProblemHttpResult>> SetAccountRetention(
        string accountId, RetentionOverride overrides, IClusterClient cluster)
    {
        var errors = RetentionOverrideRules.Validate(overrides);
        if (errors.Count > 0)
        {
            return SettingsProblems.Invalid(errors, "The retention periods are invalid.");
        }

        if (await cluster.GetGrain<IAccountGrain>(accountId).GetSummaryAsync() is null)
        {
            return NoSuchAccount();
        }

        var policy = await Retention(cluster).SetOverrideAsync(accountId, overrides);
        return TypedResults.Ok(new AccountRetentionSettings(overrides, policy));
    }

    private static IRetentionGrain Retention(IClusterClient cluster) => cluster.GetGrain<IRetentionGrain>(IRetentionGrain.Key);

    private static ProblemHttpResult NoSuchAccount() => ApiProblems.NotFound("No such account.");
}
