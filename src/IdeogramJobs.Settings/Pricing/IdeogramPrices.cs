using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace IdeogramJobs.Settings.Pricing;

/// <summary>
/// USD per output image by rendering speed, bound from environment variables. The defaults are
/// Ideogram 3.0's published prices (shared/reference/ideogram-v3-api.md §8); set the variables when
/// Ideogram changes them or bills this service's key at other rates.
/// </summary>
public sealed class IdeogramPrices
{
    [ConfigurationKeyName("IDEOGRAM_PRICE_FLASH_USD")]
    public decimal FlashUsd { get; set; } = 0.03m;

    [ConfigurationKeyName("IDEOGRAM_PRICE_TURBO_USD")]
    public decimal TurboUsd { get; set; } = 0.03m;

    [ConfigurationKeyName("IDEOGRAM_PRICE_DEFAULT_USD")]
    public decimal DefaultUsd { get; set; } = 0.06m;

    [ConfigurationKeyName("IDEOGRAM_PRICE_QUALITY_USD")]
    public decimal QualityUsd { get; set; } = 0.09m;

    [ConfigurationKeyName("IDEOGRAM_PRICE_TURBO_CHARACTER_USD")]
    public decimal TurboCharacterUsd { get; set; } = 0.10m;

    [ConfigurationKeyName("IDEOGRAM_PRICE_DEFAULT_CHARACTER_USD")]
    public decimal DefaultCharacterUsd { get; set; } = 0.15m;

    [ConfigurationKeyName("IDEOGRAM_PRICE_QUALITY_CHARACTER_USD")]
    public decimal QualityCharacterUsd { get; set; } = 0.20m;

    [ConfigurationKeyName("IDEOGRAM_PRICE_TURBO_TRANSPARENT_USD")]
    public decimal TurboTransparentUsd { get; set; } = 0.04m;

    [ConfigurationKeyName("IDEOGRAM_PRICE_DEFAULT_TRANSPARENT_USD")]
    public decimal DefaultTransparentUsd { get; set; } = 0.07m;

    [ConfigurationKeyName("IDEOGRAM_PRICE_QUALITY_TRANSPARENT_USD")]
    public decimal QualityTransparentUsd { get; set; } = 0.10m;

    /// <summary>Every price with the variable that sets it, for validation and the start-up log.</summary>
    public IReadOnlyList<(string Variable, decimal Usd)> All =>
    [
        ("IDEOGRAM_PRICE_FLASH_USD", FlashUsd),
        ("IDEOGRAM_PRICE_TURBO_USD", TurboUsd),
        ("IDEOGRAM_PRICE_DEFAULT_USD", DefaultUsd),
        ("IDEOGRAM_PRICE_QUALITY_USD", QualityUsd),
        ("IDEOGRAM_PRICE_TURBO_CHARACTER_USD", TurboCharacterUsd),
        ("IDEOGRAM_PRICE_DEFAULT_CHARACTER_USD", DefaultCharacterUsd),
        ("IDEOGRAM_PRICE_QUALITY_CHARACTER_USD", QualityCharacterUsd),
        ("IDEOGRAM_PRICE_TURBO_TRANSPARENT_USD", TurboTransparentUsd),
        ("IDEOGRAM_PRICE_DEFAULT_TRANSPARENT_USD", DefaultTransparentUsd),
        ("IDEOGRAM_PRICE_QUALITY_TRANSPARENT_USD", QualityTransparentUsd),
    ];

    public override string ToString() =>
        "IdeogramPrices { " + string.Join(", ", All.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Variable} = {p.Usd}"))) + " }";
}
