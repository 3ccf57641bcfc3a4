using IdeogramJobs.Api.Accounts;
using IdeogramJobs.Api.Admin;
using IdeogramJobs.Api.OpenApi;
using IdeogramJobs.Api.Problems;
using IdeogramJobs.Contracts.Budgets;
using Microsoft.AspNetCore.Http.HttpResults;

namespace IdeogramJobs.Api.Budgets;

/// <summary>Monthly budgets in USD for service admins: read where an account stands this month, set its budget and threshold.</summary>
public static class BudgetAdminApi
{
    private const string AccountBudget = "/accounts/{accountId:" + AccountIdRouteConstraint.Name + "}/budget";

    private const string BudgetExample = """
        { "monthlyBudgetUsd": 250.00, "thresholdPercent": 80 }
        """;

    public static IEndpointRouteBuilder MapBudgetAdminApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapServiceAdminGroup();

        group.MapGet(AccountBudget, GetBudget)
            .WithName("GetAccountBudget")
            .WithSummary("An account's monthly budget and threshold, with this month's (UTC) spend and the reservations of its unfinished jobs, in USD")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPut(AccountBudget, SetBudget)
            .WithName("SetAccountBudget")
            .WithSummary("Replaces the account's monthly budget in USD (null: no budget) and the percent of it that raises an alert (default 80)")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .WithRequestExample(BudgetExample);
        return app;
    }

    private static async Task<Results<Ok<BudgetStanding>, ProblemHttpResult>> GetBudget(string accountId, IClusterClient cluster) =>
        await cluster.GetGrain<IAccountBudgetGrain>(accountId).GetAsync() is { } standing ? TypedResults.Ok(standing) : NoSuchAccount();

    private static async Task<Results<Ok<BudgetStanding>, ValidationProblem, ProblemHttpResult>> SetBudget(
        string accountId, AccountBudgetRequest request, IClusterClient cluster)
    {
        var errors = request.Validate();
        if (errors.Count > 0)
        {
            return SettingsProblems.Invalid(errors, "The budget is invalid.");
        }

        return await cluster.GetGrain<IAccountBudgetGrain>(accountId).SetAsync(request.ToBudget()) is { } standing
            ? TypedResults.Ok(standing)
            : NoSuchAccount();
    }

    private static ProblemHttpResult NoSuchAccount() => ApiProblems.NotFound("No such account.");
}
