using IdeogramJobs.Contracts.Jobs;

namespace IdeogramJobs.Api.Budgets;

/// <summary>
/// A budget refusal over HTTP: 402 Payment Required, problem+json with the figures as extension members
/// (month, budgetUsd, spentUsd, reservedUsd, jobCostUsd) so a client can show them without parsing text.
/// </summary>
public static class BudgetProblems
{
    public static IResult Exceeded(SubmissionResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var refusal = result.Budget!;
        return TypedResults.Problem(
            result.Message,
            statusCode: StatusCodes.Status402PaymentRequired,
            title: "Monthly budget exceeded",
            extensions: new Dictionary<string, object?>
            {
                ["budget"] = "monthlyBudgetUsd",
                ["month"] = refusal.Month,
                ["budgetUsd"] = refusal.BudgetUsd,
                ["spentUsd"] = refusal.SpentUsd,
                ["reservedUsd"] = refusal.ReservedUsd,
                ["jobCostUsd"] = refusal.JobCostUsd,
            });
    }
}
