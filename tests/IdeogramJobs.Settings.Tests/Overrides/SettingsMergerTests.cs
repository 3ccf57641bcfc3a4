using IdeogramJobs.Contracts.Settings;
using IdeogramJobs.Settings.Overrides;
using IdeogramJobs.Settings.Tests.Infrastructure;

namespace IdeogramJobs.Settings.Tests.Overrides;

public sealed class SettingsMergerTests
{
    private static readonly JobSettings ProductMarketing = SeededJobTypes.Definition("product_marketing").Defaults;

    [Fact]
    public void Overridden_settings_replace_the_defaults_and_the_rest_are_kept()
    {
        var final = SettingsMerger.Merge(ProductMarketing, new JobSettings { NumImages = 2, Seed = 7 });

        Assert.Equal(ProductMarketing with { NumImages = 2, Seed = 7 }, final);
    }

    [Fact]
    public void A_palette_override_replaces_the_default_palette_whole()
    {
        var final = SettingsMerger.Merge(ProductMarketing, new JobSettings { ColorPalette = new ColorPalette { Name = "PASTEL" } });

        Assert.Equal(new ColorPalette { Name = "PASTEL" }, final.ColorPalette);
    }

    [Fact]
    public void A_resolution_override_drops_the_default_aspect_ratio()
    {
        var final = SettingsMerger.Merge(ProductMarketing, new JobSettings { Resolution = "1024x1024" });

        Assert.Null(final.AspectRatio);
        Assert.Equal("1024x1024", final.Resolution);
    }

    [Fact]
    public void An_aspect_ratio_override_drops_a_default_resolution()
    {
        var final = SettingsMerger.Merge(new JobSettings { Resolution = "1024x1024" }, new JobSettings { AspectRatio = "1:1" });

        Assert.Null(final.Resolution);
        Assert.Equal("1:1", final.AspectRatio);
    }

    [Fact]
    public void A_style_codes_override_drops_the_default_style_type_and_style_preset()
    {
        var final = SettingsMerger.Merge(
            ProductMarketing with { StylePreset = "BAUHAUS" },
            new JobSettings { StyleCodes = ["1A2B3C4D"] });

        Assert.Null(final.StyleType);
        Assert.Null(final.StylePreset);
        Assert.Equal(["1A2B3C4D"], final.StyleCodes);
    }

    [Fact]
    public void An_empty_style_codes_override_keeps_the_default_style_type()
    {
        var final = SettingsMerger.Merge(ProductMarketing, new JobSettings { StyleCodes = [] });

        Assert.Equal("DESIGN", final.StyleType);
        Assert.Empty(final.StyleCodes!);
    }

    [Fact]
    public void A_style_reference_images_override_drops_the_default_style_type_preset_and_codes()
    {
        var final = SettingsMerger.Merge(
            new JobSettings { StyleType = "DESIGN", StylePreset = "BAUHAUS", StyleCodes = ["1A2B3C4D"] },
            new JobSettings { StyleReferenceImages = ["ref-1"] });

        Assert.Equal(new JobSettings { StyleReferenceImages = ["ref-1"] }, final);
    }

    [Fact]
    public void A_style_preset_override_drops_the_default_style_codes_and_reference_images()
    {
        var final = SettingsMerger.Merge(
            new JobSettings { StyleCodes = ["1A2B3C4D"], StyleReferenceImages = ["ref-1"] },
            new JobSettings { StylePreset = "BAUHAUS" });

        Assert.Equal(new JobSettings { StylePreset = "BAUHAUS" }, final);
    }

    [Fact]
    public void A_style_type_override_drops_the_default_style_codes()
    {
        var final = SettingsMerger.Merge(new JobSettings { StyleCodes = ["1A2B3C4D"] }, new JobSettings { StyleType = "REALISTIC" });

        Assert.Equal(new JobSettings { StyleType = "REALISTIC" }, final);
    }

    [Fact]
    public void A_style_type_override_keeps_default_reference_images_which_the_api_allows_with_a_style_type()
    {
        var final = SettingsMerger.Merge(new JobSettings { StyleReferenceImages = ["ref-1"] }, new JobSettings { StyleType = "GENERAL" });

        Assert.Equal(new JobSettings { StyleType = "GENERAL", StyleReferenceImages = ["ref-1"] }, final);
    }

    [Fact]
    public void When_the_user_sets_both_sides_of_an_exclusive_pair_both_are_kept_for_the_validator_to_refuse()
    {
        var final = SettingsMerger.Merge(ProductMarketing, new JobSettings { AspectRatio = "1:1", Resolution = "1024x1024" });

        Assert.Equal("1:1", final.AspectRatio);
        Assert.Equal("1024x1024", final.Resolution);
    }

    [Fact]
    public void A_default_that_does_not_conflict_is_not_dropped()
    {
        var defaults = SeededJobTypes.Definition("social_media").Defaults;

        var final = SettingsMerger.Merge(defaults, new JobSettings { StylePreset = "BAUHAUS" });

        Assert.Equal(defaults with { StylePreset = "BAUHAUS" }, final);
    }
}
