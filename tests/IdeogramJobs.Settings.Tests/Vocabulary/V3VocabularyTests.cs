using System.Text.RegularExpressions;
using IdeogramJobs.Settings.Vocabulary;

namespace IdeogramJobs.Settings.Tests.Vocabulary;

public sealed class V3VocabularyTests
{
    [Fact]
    public void Lists_the_69_distinct_WxH_resolutions()
    {
        Assert.Equal(69, V3Vocabulary.Resolutions.Distinct().Count());
        Assert.All(V3Vocabulary.Resolutions, r => Assert.Matches(new Regex(@"^\d{3,4}x\d{3,4}$"), r));
    }

    [Fact]
    public void Lists_the_62_distinct_style_presets()
    {
        Assert.Equal(62, V3Vocabulary.StylePresets.Distinct().Count());
    }

    [Fact]
    public void Lists_15_aspect_ratios_in_api_form_and_the_same_in_colon_form()
    {
        Assert.Equal(15, V3Vocabulary.AspectRatios.Distinct().Count());
        Assert.Equal(V3Vocabulary.AspectRatios.Select(r => r.Replace('x', ':')), V3Vocabulary.AspectRatioInputs);
        Assert.DoesNotContain("21x9", V3Vocabulary.AspectRatios);
    }

    [Fact]
    public void Never_offers_the_machine_spec_only_values_CUSTOM_STYLIZED_or_BALANCED()
    {
        Assert.DoesNotContain("CUSTOM", V3Vocabulary.StyleTypes);
        Assert.DoesNotContain("STYLIZED", V3Vocabulary.StyleTypes);
        Assert.DoesNotContain("BALANCED", V3Vocabulary.RenderingSpeedInputs);
    }
}
