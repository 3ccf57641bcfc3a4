using IdeogramJobs.Contracts.Costs;
using IdeogramJobs.Contracts.Settings;
using IdeogramJobs.Settings.Vocabulary;
using Microsoft.Extensions.Options;

namespace IdeogramJobs.Settings.Pricing;

/// <summary>
/// The cost of a job's final settings at <see cref="IdeogramPrices"/>: Ideogram bills per image returned,
/// at the rate of the rendering speed actually sent (after FAST → TURBO, SLOW → QUALITY), higher with a
/// character reference. No speed sent means Ideogram's DEFAULT.
/// </summary>
public sealed class JobCostEstimator(IOptions<IdeogramPrices> prices)
{
    public CostEstimate Estimate(JobSettings settings, bool hasCharacterReference)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var images = settings.ImageCount;
        var perImage = PerImage(settings.RenderingSpeed, hasCharacterReference);
        return new CostEstimate { PerImage = perImage, Images = images, Total = perImage * images };
    }

    public decimal PerImage(string? renderingSpeed, bool hasCharacterReference)
    {
        var p = prices.Value;
        var speed = renderingSpeed is null ? "DEFAULT" : V3Vocabulary.ToApiRenderingSpeed(renderingSpeed) ?? "DEFAULT";
        return (speed, hasCharacterReference) switch
        {
            ("FLASH", false) => p.FlashUsd,
            ("TURBO", false) => p.TurboUsd,
            ("QUALITY", false) => p.QualityUsd,
            // Ideogram sells no FLASH character reference (the validator refuses one); price it as the cheapest that exists.
            ("FLASH" or "TURBO", true) => p.TurboCharacterUsd,
            ("QUALITY", true) => p.QualityCharacterUsd,
            (_, true) => p.DefaultCharacterUsd,
            _ => p.DefaultUsd,
        };
    }
}
