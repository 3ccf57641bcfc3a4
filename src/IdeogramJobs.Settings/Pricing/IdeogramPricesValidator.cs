using System.Globalization;
using Microsoft.Extensions.Options;

namespace IdeogramJobs.Settings.Pricing;

/// <summary>Checks <see cref="IdeogramPrices"/> at start-up; every message names the environment variable to fix.</summary>
public sealed class IdeogramPricesValidator : IValidateOptions<IdeogramPrices>
{
    /// <summary>Far above any published price, so a value in cents or a typo is caught rather than billed against budgets.</summary>
    public const decimal MaxUsdPerImage = 10m;

    public ValidateOptionsResult Validate(string? name, IdeogramPrices options)
    {
        var failures = options.All
            .Where(p => p.Usd < 0 || p.Usd > MaxUsdPerImage)
            .Select(p => string.Create(CultureInfo.InvariantCulture,
                $"{p.Variable} must be a price in USD per image between 0 and {MaxUsdPerImage}, e.g. 0.06 (got {p.Usd})."))
            .ToList();
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
