using IdeogramJobs.Api.Problems;
using Microsoft.AspNetCore.Http.HttpResults;

namespace IdeogramJobs.Api.Webhooks;

/// <summary>How many deliveries a delivery log answers at most, for endpoints' logs and job webhooks' alike.</summary>
public static class DeliveryListLimit
{
    public const int Max = 200;

    /// <summary>A 400 when the <c>limit</c> query value is given and outside 1 to <see cref="Max"/>.</summary>
    public static ValidationProblem? Problem(int? limit) =>
        limit is < 1 or > Max ? SettingsProblems.Invalid("limit", $"limit is 1 to {Max}.", limit.ToString()) : null;
}
