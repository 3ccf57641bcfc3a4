using System.Globalization;
using IdeogramJobs.Contracts.Budgets;
using IdeogramJobs.Contracts.Settings;

namespace IdeogramJobs.Api.Budgets;

/// <summary>An account's budget as an admin sets it; a missing threshold is the default 80%.</summary>
public sealed record AccountBudgetRequest(decimal? MonthlyBudgetUsd, int? ThresholdPercent)
{
    /// <summary>The column is DECIMAL(12,2): ten digits of dollars, whole cents.</summary>
    public const decimal MaxBudgetUsd = 9_999_999_999.99m;

    public IReadOnlyList<SettingsError> Validate()
    {
        var errors = new List<SettingsError>();
        if (MonthlyBudgetUsd is { } budget && (budget < 0 || budget > MaxBudgetUsd || decimal.Round(budget, 2) != budget))
        {
            errors.Add(new SettingsError("monthlyBudgetUsd",
                "monthlyBudgetUsd must be null (no budget) or an amount in USD from 0 with at most two decimals.",
                budget.ToString(CultureInfo.InvariantCulture), ["0..9999999999.99"]));
        }

        if (ThresholdPercent is { } percent && percent is < 1 or > 100)
        {
            errors.Add(new SettingsError("thresholdPercent", "thresholdPercent must be within 1..100.",
                percent.ToString(CultureInfo.InvariantCulture), ["1..100"]));
        }

        return errors;
    }

    public AccountBudget ToBudget() => new()
    {
        MonthlyBudgetUsd = MonthlyBudgetUsd,
        ThresholdPercent = ThresholdPercent ?? AccountBudget.DefaultThresholdPercent,
    };
}
