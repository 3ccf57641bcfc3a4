using IdeogramJobs.Contracts.Settings;
using IdeogramJobs.Settings.Pricing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace IdeogramJobs.Settings.Tests.Pricing;

public sealed class JobCostEstimatorTests
{
    private static ServiceProvider Provider(Dictionary<string, string?> variables)
    {
        var services = new ServiceCollection();
        services.AddIdeogramPrices(new ConfigurationBuilder().AddInMemoryCollection(variables).Build());
        return services.BuildServiceProvider();
    }

    private static JobCostEstimator Estimator(Dictionary<string, string?>? variables = null) =>
        Provider(variables ?? []).GetRequiredService<JobCostEstimator>();

    [Theory]
    [InlineData("FLASH", 0.03)]
    [InlineData("TURBO", 0.03)]
    [InlineData("DEFAULT", 0.06)]
    [InlineData("QUALITY", 0.09)]
    [InlineData("FAST", 0.03)]
    [InlineData("SLOW", 0.09)]
    [InlineData("quality", 0.09)]
    [InlineData(null, 0.06)]
    public void Prices_an_image_at_the_published_rate_of_the_speed_sent_to_Ideogram(string? speed, double perImage)
    {
        var estimate = Estimator().Estimate(new JobSettings { RenderingSpeed = speed }, hasCharacterReference: false);

        Assert.Equal((decimal)perImage, estimate.PerImage);
        Assert.Equal(1, estimate.Images);
        Assert.Equal((decimal)perImage, estimate.Total);
        Assert.Equal("USD", estimate.Currency);
    }

    [Theory]
    [InlineData("TURBO", 0.10)]
    [InlineData("FAST", 0.10)]
    [InlineData("DEFAULT", 0.15)]
    [InlineData(null, 0.15)]
    [InlineData("QUALITY", 0.20)]
    public void A_character_reference_costs_its_own_higher_rate(string? speed, double perImage)
    {
        var estimate = Estimator().Estimate(new JobSettings { RenderingSpeed = speed }, hasCharacterReference: true);

        Assert.Equal((decimal)perImage, estimate.PerImage);
    }

    [Fact]
    public void The_number_of_images_multiplies_the_price()
    {
        var estimate = Estimator().Estimate(new JobSettings { RenderingSpeed = "DEFAULT", NumImages = 4 }, hasCharacterReference: false);

        Assert.Equal(0.06m, estimate.PerImage);
        Assert.Equal(4, estimate.Images);
        Assert.Equal(0.24m, estimate.Total);
    }

    [Fact]
    public void Prices_set_in_the_environment_replace_the_published_ones()
    {
        var estimator = Estimator(new()
        {
            ["IDEOGRAM_PRICE_TURBO_USD"] = "0.025",
            ["IDEOGRAM_PRICE_QUALITY_CHARACTER_USD"] = "0.5",
        });

        Assert.Equal(0.025m * 3, estimator.Estimate(new JobSettings { RenderingSpeed = "TURBO", NumImages = 3 }, false).Total);
        Assert.Equal(0.5m, estimator.Estimate(new JobSettings { RenderingSpeed = "QUALITY" }, true).Total);
        Assert.Equal(0.06m, estimator.Estimate(new JobSettings { RenderingSpeed = "DEFAULT" }, false).Total);
    }

    [Fact]
    public void Transparent_prices_default_to_the_published_ones()
    {
        var prices = Provider([]).GetRequiredService<IOptions<IdeogramPrices>>().Value;

        Assert.Equal([0.04m, 0.07m, 0.10m], new[] { prices.TurboTransparentUsd, prices.DefaultTransparentUsd, prices.QualityTransparentUsd });
    }

    [Theory]
    [InlineData("IDEOGRAM_PRICE_DEFAULT_USD", "-0.01")]
    [InlineData("IDEOGRAM_PRICE_QUALITY_CHARACTER_USD", "20")]
    public void A_price_out_of_range_is_refused_at_start_naming_its_variable(string variable, string value)
    {
        using var provider = Provider(new() { [variable] = value });

        var failure = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<IdeogramPrices>>().Value);

        Assert.Contains(variable, failure.Message, StringComparison.Ordinal);
    }
}
