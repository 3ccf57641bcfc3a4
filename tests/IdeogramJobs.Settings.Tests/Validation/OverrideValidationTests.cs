using IdeogramJobs.Contracts.Configurations;
using IdeogramJobs.Contracts.Settings;
using IdeogramJobs.Settings.Overrides;
using IdeogramJobs.Settings.Tests.Infrastructure;
using IdeogramJobs.Settings.Validation;

namespace IdeogramJobs.Settings.Tests.Validation;

/// <summary>What a caller may override, through <see cref="SettingsResolver"/> as the grain uses it.</summary>
public sealed class OverrideValidationTests
{
    private static SettingsResolution Resolve(string jobType, string overridesJson, bool isAdmin = false) =>
        SettingsResolver.Resolve(SeededJobTypes.Configuration(jobType), overridesJson, isAdmin);

    private static SettingsError SingleError(string jobType, string overridesJson, bool isAdmin = false)
    {
        var resolution = Resolve(jobType, overridesJson, isAdmin);
        Assert.Null(resolution.FinalSettings);
        Assert.False(resolution.Succeeded);
        return Assert.Single(resolution.Errors);
    }

    [Fact]
    public void A_user_cannot_override_a_setting_the_job_types_form_does_not_list()
    {
        var error = SingleError("product_marketing", """{"renderingSpeed":"QUALITY"}""");

        Assert.Equal("renderingSpeed", error.Field);
        Assert.Equal("QUALITY", error.Value);
        Assert.Equal(
            "renderingSpeed is not overridable for this job type; allowed: styleType, aspectRatio, numImages, seed, customPromptAddition.",
            error.Message);
        Assert.Equal(["styleType", "aspectRatio", "numImages", "seed", "customPromptAddition"], error.Allowed);
    }

    [Fact]
    public void An_admin_may_override_a_setting_the_form_does_not_list()
    {
        var resolution = Resolve("product_marketing", """{"renderingSpeed":"QUALITY"}""", isAdmin: true);

        Assert.Empty(resolution.Errors);
        Assert.Equal("QUALITY", resolution.FinalSettings!.RenderingSpeed);
    }

    [Fact]
    public void A_value_outside_the_forms_options_is_refused_listing_the_options()
    {
        var error = SingleError("product_marketing", """{"aspectRatio":"2:1"}""");

        Assert.Equal("aspectRatio", error.Field);
        Assert.Equal("2:1", error.Value);
        Assert.Equal(["1:1", "16:9", "9:16", "4:3", "3:4"], error.Allowed);
        Assert.Contains("not offered for this job type; allowed: 1:1, 16:9, 9:16, 4:3, 3:4", error.Message);
    }

    [Theory]
    [InlineData("1x1")]
    [InlineData("design")]
    public void Options_match_exactly_as_listed(string value)
    {
        var field = value == "1x1" ? "aspectRatio" : "styleType";

        Assert.Equal(field, SingleError("product_marketing", $$"""{"{{field}}":"{{value}}"}""").Field);
    }

    [Fact]
    public void An_admin_is_not_held_to_the_forms_options()
    {
        var resolution = Resolve("product_marketing", """{"aspectRatio":"2:1"}""", isAdmin: true);

        Assert.Equal("2:1", resolution.FinalSettings!.AspectRatio);
    }

    [Fact]
    public void A_number_outside_the_forms_range_is_refused_naming_the_range()
    {
        var error = SingleError("social_media", """{"numImages":6}""");

        Assert.Equal("numImages", error.Field);
        Assert.Equal("6", error.Value);
        Assert.Equal(["1..4"], error.Allowed);
        Assert.Contains("use 1 to 4", error.Message);
    }

    [Theory]
    [InlineData("""{"aspectRatio":"21:9"}""", "aspectRatio", "21:9")]
    [InlineData("""{"numImages":9}""", "numImages", "9")]
    [InlineData("""{"renderingSpeed":"BALANCED"}""", "renderingSpeed", "BALANCED")]
    [InlineData("""{"seed":-1}""", "seed", "-1")]
    public void A_value_the_api_refuses_is_refused_even_for_an_admin(string overrides, string field, string value)
    {
        var error = SingleError("product_marketing", overrides, isAdmin: true);

        Assert.Equal(field, error.Field);
        Assert.Equal(value, error.Value);
    }

    [Fact]
    public void A_user_gets_one_error_for_a_value_that_is_both_outside_the_options_and_refused_by_the_api()
    {
        var error = SingleError("product_marketing", """{"aspectRatio":"21:9"}""");

        Assert.Contains("not offered for this job type", error.Message);
    }

    [Fact]
    public void A_palette_member_the_api_refuses_is_named_by_its_index()
    {
        var error = SingleError("concept_illustration", """{"colorPalette":{"members":["#1B365D","blue"]}}""");

        Assert.Equal("colorPalette.members[1]", error.Field);
        Assert.Equal("blue", error.Value);
    }

    [Fact]
    public void A_user_may_replace_the_palette_where_the_form_offers_it()
    {
        var resolution = Resolve("concept_illustration", """{"colorPalette":{"name":"PASTEL"}}""");

        Assert.Equal(new ColorPalette { Name = "PASTEL" }, resolution.FinalSettings!.ColorPalette);
    }

    [Fact]
    public void Both_sides_of_an_exclusive_pair_set_by_the_caller_is_one_error_naming_both()
    {
        var error = SingleError("product_marketing", """{"aspectRatio":"1:1","resolution":"1024x1024"}""", isAdmin: true);

        Assert.Equal("resolution", error.Field);
        Assert.Contains("aspectRatio and resolution were both overridden", error.Message);
    }

    [Fact]
    public void Style_codes_and_style_type_both_set_by_the_caller_is_one_error_naming_both()
    {
        var error = SingleError("product_marketing", """{"styleType":"GENERAL","styleCodes":["1A2B3C4D"]}""", isAdmin: true);

        Assert.Equal("styleCodes", error.Field);
        Assert.Contains("styleType and styleCodes", error.Message);
    }

    [Fact]
    public void A_bad_value_on_one_side_of_a_conflicting_pair_is_still_reported()
    {
        var resolution = Resolve("product_marketing", """{"aspectRatio":"1:1","resolution":"1x1"}""", isAdmin: true);

        Assert.Equal(["resolution", "resolution"], resolution.Errors.Select(e => e.Field));
        Assert.Contains(resolution.Errors, e => e.Message.Contains("not a V3 resolution", StringComparison.Ordinal));
    }

    [Fact]
    public void A_resolution_override_replaces_the_default_aspect_ratio_without_error()
    {
        var resolution = Resolve("product_marketing", """{"resolution":"1024x1024"}""", isAdmin: true);

        Assert.Empty(resolution.Errors);
        Assert.Null(resolution.FinalSettings!.AspectRatio);
    }

    [Fact]
    public void Every_bad_field_is_listed_at_once()
    {
        var resolution = Resolve("product_marketing", """{"numImages":"two","aspectRatio":"21:9","magicPrompt":"OFF"}""");

        Assert.Null(resolution.FinalSettings);
        Assert.Equal(3, resolution.Errors.Count);
        Assert.Equal(["aspectRatio", "magicPrompt", "numImages"], resolution.Errors.Select(e => e.Field).Order());
    }

    [Fact]
    public void Every_kind_of_problem_is_listed_at_once()
    {
        var longAddition = new string('a', OverrideValidator.MaxCustomPromptAdditionLength + 1);
        var resolution = Resolve(
            "social_media",
            $$"""{"model":"V_3","numImages":6,"styleType":"REALISTIC","customPromptAddition":"{{longAddition}}"}""");

        Assert.Equal(["customPromptAddition", "model", "numImages", "styleType"], resolution.Errors.Select(e => e.Field).Order());
    }

    [Fact]
    public void A_custom_prompt_addition_longer_than_the_limit_is_refused()
    {
        var addition = new string('a', OverrideValidator.MaxCustomPromptAdditionLength + 1);

        var error = SingleError("social_media", $$"""{"customPromptAddition":"{{addition}}"}""");

        Assert.Equal("customPromptAddition", error.Field);
        Assert.Contains("1001 characters long; at most 1000", error.Message);
    }

    [Fact]
    public void A_custom_prompt_addition_at_the_limit_is_accepted_even_where_the_form_does_not_list_it()
    {
        var addition = new string('a', OverrideValidator.MaxCustomPromptAdditionLength);

        var resolution = Resolve("product_marketing", $$"""{"customPromptAddition":"{{addition}}"}""");

        Assert.Empty(resolution.Errors);
        Assert.Equal(addition, resolution.CustomPromptAddition);
    }

    [Fact]
    public void A_refused_request_still_reports_what_the_caller_sent()
    {
        var resolution = Resolve("product_marketing", """{"renderingSpeed":"QUALITY","numImages":2}""");

        Assert.Null(resolution.FinalSettings);
        Assert.Equal("""{"renderingSpeed":"QUALITY","numImages":2}""", resolution.UserOverridesJson);
        Assert.Equal(new JobSettings { RenderingSpeed = "QUALITY", NumImages = 2 }, resolution.Overrides);
    }

    [Fact]
    public void No_overrides_yield_the_defaults()
    {
        var resolution = Resolve("christian_content", "{}");

        Assert.Equal(SeededJobTypes.Definition("christian_content").Defaults, resolution.FinalSettings);
        Assert.Equal("{}", resolution.UserOverridesJson);
    }
}
