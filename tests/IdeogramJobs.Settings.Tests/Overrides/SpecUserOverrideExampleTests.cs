using IdeogramJobs.Contracts.Configurations;
using IdeogramJobs.Contracts.Settings;
using IdeogramJobs.Settings.Overrides;
using IdeogramJobs.Settings.Tests.Infrastructure;

namespace IdeogramJobs.Settings.Tests.Overrides;

/// <summary>The job-app specification's "User Override Example", which must be reproduced exactly.</summary>
public sealed class SpecUserOverrideExampleTests
{
    // Both texts are copied verbatim from the specification, line breaks included.
    private const string SpecUserOverrides =
        """{"aspectRatio":"1:1","numImages":2,"styleType":"REALISTIC","customPromptAddition":"with modern minimalist design"}""";

    private const string SpecFinalSettings =
        """
        {"styleType":"REALISTIC","aspectRatio":"1:1","magicPrompt":"ON","renderingSpeed":"DEFAULT","numImages":2,
           "colorPalette":{"members":["#1B365D","#FFFFFF","#F4F4F4"]},"negativePrompt":"low quality, blurry, text, watermark"}
        """;

    private static readonly SettingsResolution Resolution =
        SettingsResolver.Resolve(SeededJobTypes.Configuration("product_marketing"), SpecUserOverrides, isAdmin: false);

    [Fact]
    public void Product_marketing_with_the_spec_overrides_yields_exactly_the_spec_final_settings()
    {
        Assert.Empty(Resolution.Errors);
        Assert.NotNull(Resolution.FinalSettings);
        Assert.Equal(JsonText.WithoutWhitespace(SpecFinalSettings), SettingsJson.Serialize(Resolution.FinalSettings));
    }

    [Fact]
    public void The_custom_prompt_addition_comes_back_separately_and_is_not_a_final_setting()
    {
        Assert.Equal("with modern minimalist design", Resolution.CustomPromptAddition);
        Assert.DoesNotContain("customPromptAddition", SettingsJson.Serialize(Resolution.FinalSettings));
    }

    [Fact]
    public void The_recorded_user_overrides_are_exactly_the_spec_user_overrides()
    {
        Assert.Equal(SpecUserOverrides, Resolution.UserOverridesJson);
    }

    [Fact]
    public void The_same_overrides_sent_with_whitespace_are_recorded_in_the_same_compact_form()
    {
        var spaced = """
            {
              "aspectRatio": "1:1",
              "numImages": 2,
              "styleType": "REALISTIC",
              "customPromptAddition": "with modern minimalist design"
            }
            """;

        var resolution = SettingsResolver.Resolve(SeededJobTypes.Configuration("product_marketing"), spaced, isAdmin: false);

        Assert.Equal(SpecUserOverrides, resolution.UserOverridesJson);
        Assert.Equal(JsonText.WithoutWhitespace(SpecFinalSettings), SettingsJson.Serialize(resolution.FinalSettings));
    }
}
