using IdeogramJobs.Contracts.Settings;
using IdeogramJobs.Settings.Overrides;
using IdeogramJobs.Settings.Tests.Infrastructure;
using IdeogramJobs.Settings.Validation;

namespace IdeogramJobs.Settings.Tests.Validation;

/// <summary>The one verdict on a submission: the concrete settings and the prompt the job sends.</summary>
public sealed class SettingsVerdictTests
{
    private const string Prompt = "a lighthouse at dawn";

    private static IReadOnlyList<SettingsError> Judge(JobSettings settings, string prompt = Prompt) =>
        SettingsVerdict.OnJob(new MergedSettings { Settings = settings }, settings, prompt);

    [Fact]
    public void Refuses_a_blank_prompt()
    {
        Assert.Equal("prompt", Assert.Single(Judge(new JobSettings(), "  ")).Field);
    }

    [Fact]
    public void Refuses_a_prompt_over_10000_characters()
    {
        Assert.Equal("prompt", Assert.Single(Judge(new JobSettings(), new string('p', 10_001))).Field);
    }

    [Fact]
    public void Returns_settings_and_prompt_errors_together()
    {
        var errors = Judge(new JobSettings { AspectRatio = "21:9", RenderingSpeed = "BALANCED" }, "");

        Assert.Equal(["aspectRatio", "renderingSpeed", "prompt"], errors.Select(e => e.Field));
        Assert.Contains("21:9", errors[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_more_than_three_reference_images_as_the_settings_name_them()
    {
        var error = Assert.Single(Judge(new JobSettings { StyleReferenceImages = ["sha256:1", "sha256:2", "sha256:3", "sha256:4"] }));

        Assert.Equal("styleReferenceImages", error.Field);
        Assert.Equal("4", error.Value);
    }

    [Fact]
    public void Refuses_reference_images_together_with_style_codes()
    {
        var error = Assert.Single(Judge(new JobSettings { StyleCodes = ["1A2B3C4D"], StyleReferenceImages = ["sha256:1"] }));

        Assert.Equal("styleCodes", error.Field);
        Assert.Contains("styleReferenceImages", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Judges_the_concrete_settings_it_is_given_not_the_merged_ones()
    {
        var merged = SettingsResolver.Merge(SeededJobTypes.Configuration("product_marketing"), """{"numImages":2}""", isAdmin: false);

        var errors = SettingsVerdict.OnSettings(merged, merged.Settings with { NumImages = 20 });

        Assert.Equal("numImages", Assert.Single(errors).Field);
    }

    [Fact]
    public void Says_nothing_more_about_an_override_the_merge_refused()
    {
        var merged = SettingsResolver.Merge(SeededJobTypes.Configuration("product_marketing"), """{"renderingSpeed":"BALANCED"}""", isAdmin: false);

        Assert.Equal(["renderingSpeed"], merged.RefusedFields);
        Assert.Empty(SettingsVerdict.OnSettings(merged, merged.Settings));
    }
}
