using IdeogramJobs.Contracts.Settings;
using IdeogramJobs.Settings.Translation;
using IdeogramJobs.Settings.Validation;

namespace IdeogramJobs.Settings.Tests.Translation;

public sealed class BrandReferenceTranslationTests
{
    [Fact]
    public void Settings_may_name_brand_library_entries_as_style_codes_and_palette()
    {
        var settings = new JobSettings { StyleCodes = ["brand:12", "1A2B3C4D"], ColorPalette = new ColorPalette { Name = "brand:7" } };

        Assert.Empty(V3SettingsValidator.Validate(settings));
    }

    [Theory]
    [InlineData("brand:")]
    [InlineData("brand:0")]
    [InlineData("brand:x1")]
    public void A_malformed_brand_reference_is_refused_as_a_style_code(string code)
    {
        var error = Assert.Single(V3SettingsValidator.Validate(new JobSettings { StyleCodes = [code] }));

        Assert.Equal("styleCodes[0]", error.Field);
    }

    [Fact]
    public void A_reference_left_unresolved_is_never_sent()
    {
        var result = V3RequestTranslator.Translate("a harbour", new JobSettings { ColorPalette = new ColorPalette { Name = "brand:7" } });

        Assert.False(result.Succeeded);
        Assert.Contains(result.Errors, e => e.Message.Contains("brand library", StringComparison.Ordinal));
    }
}
