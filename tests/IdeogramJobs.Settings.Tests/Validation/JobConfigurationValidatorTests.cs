using IdeogramJobs.Contracts.Configurations;
using IdeogramJobs.Contracts.Settings;
using IdeogramJobs.Settings.Overrides;
using IdeogramJobs.Settings.Tests.Infrastructure;
using IdeogramJobs.Settings.Validation;

namespace IdeogramJobs.Settings.Tests.Validation;

public sealed class JobConfigurationValidatorTests
{
    private static readonly JobConfigurationDraft ProductMarketing = SeededJobTypes.Draft("product_marketing");

    private static JobConfigurationDraft WithFields(params UiField[] fields) =>
        ProductMarketing with { UiSchema = new UiSchema { Fields = fields } };

    private static SettingsError SingleError(JobConfigurationDraft draft) => Assert.Single(JobConfigurationValidator.Validate(draft));

    private static UiField Select(string name, params string[] options) =>
        new() { Name = name, Type = UiFieldTypes.Select, Label = name, Options = options };

    private static UiField Slider(string name, double? min, double? max, string? defaultJson = null) =>
        new() { Name = name, Type = UiFieldTypes.Slider, Label = name, Min = min, Max = max, DefaultJson = defaultJson };

    [Theory]
    [MemberData(nameof(SeededJobTypes.Names), MemberType = typeof(SeededJobTypes))]
    public void Accepts_each_of_the_specifications_job_types(string jobType)
    {
        Assert.Empty(JobConfigurationValidator.Validate(SeededJobTypes.Draft(jobType)));
    }

    [Theory]
    [InlineData("Product_marketing")]
    [InlineData("1st_type")]
    [InlineData("_type")]
    [InlineData("p")]
    [InlineData("product-marketing")]
    [InlineData("product marketing")]
    [InlineData("product_marketing\n")]
    [InlineData("")]
    public void Refuses_a_job_type_name_that_is_not_lower_case_snake_case(string name)
    {
        var error = SingleError(ProductMarketing with { JobTypeName = name });

        Assert.Equal("jobTypeName", error.Field);
        Assert.Contains("e.g. product_marketing", error.Message);
    }

    [Fact]
    public void Job_type_names_may_be_two_to_one_hundred_characters_long()
    {
        Assert.Empty(JobConfigurationValidator.Validate(ProductMarketing with { JobTypeName = "ab" }));
        Assert.Empty(JobConfigurationValidator.Validate(ProductMarketing with { JobTypeName = "a" + new string('b', 99) }));
        Assert.Equal("jobTypeName", SingleError(ProductMarketing with { JobTypeName = "a" + new string('b', 100) }).Field);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(256)]
    public void Refuses_a_display_name_that_is_empty_or_longer_than_255(int length)
    {
        Assert.Equal("displayName", SingleError(ProductMarketing with { DisplayName = new string('x', length) }).Field);
    }

    [Fact]
    public void Refuses_a_blank_display_name()
    {
        Assert.Equal("displayName", SingleError(ProductMarketing with { DisplayName = "   " }).Field);
    }

    [Fact]
    public void Refuses_a_description_longer_than_5000()
    {
        Assert.Empty(JobConfigurationValidator.Validate(ProductMarketing with { Description = new string('x', 5_000) }));
        Assert.Equal("description", SingleError(ProductMarketing with { Description = new string('x', 5_001) }).Field);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(100_001)]
    public void Refuses_an_execution_order_outside_0_to_100000(int order)
    {
        var error = SingleError(ProductMarketing with { ExecutionOrder = order });

        Assert.Equal("executionOrder", error.Field);
        Assert.Equal(["0..100000"], error.Allowed);
    }

    [Fact]
    public void Refuses_default_settings_the_api_would_refuse_prefixing_the_field()
    {
        var draft = ProductMarketing with { DefaultSettings = ProductMarketing.DefaultSettings with { AspectRatio = "21:9", NumImages = 9 } };

        Assert.Equal(
            ["defaultSettings.aspectRatio", "defaultSettings.numImages"],
            JobConfigurationValidator.Validate(draft).Select(e => e.Field));
    }

    [Fact]
    public void Refuses_more_than_30_fields()
    {
        var fields = Enumerable.Range(0, 31).Select(_ => Select("styleType", "AUTO")).ToArray();

        var error = SingleError(WithFields(fields));

        Assert.Equal("uiSchema.fields", error.Field);
        Assert.Contains("31 fields; at most 30", error.Message);
    }

    [Fact]
    public void Refuses_a_field_listed_twice()
    {
        var error = SingleError(WithFields(Select("styleType", "AUTO"), Select("styleType", "DESIGN")));

        Assert.Equal("uiSchema.fields[1].name", error.Field);
        Assert.Contains("more than once", error.Message);
    }

    [Theory]
    [InlineData("model")]
    [InlineData("StyleType")]
    [InlineData("style_type")]
    [InlineData("")]
    public void Refuses_a_field_name_that_is_not_a_setting_the_prompt_or_the_prompt_addition(string name)
    {
        var error = SingleError(WithFields(new UiField { Name = name, Type = UiFieldTypes.Text, Label = "x" }));

        Assert.Equal("uiSchema.fields[0].name", error.Field);
        Assert.Equal(SettingNames.UiFieldNames, error.Allowed);
    }

    [Fact]
    public void Refuses_an_unknown_field_type()
    {
        var error = SingleError(WithFields(new UiField { Name = "styleType", Type = "dropdown", Label = "Style", Options = ["AUTO"] }));

        Assert.Equal("uiSchema.fields[0].type", error.Field);
        Assert.Equal(UiFieldTypes.All, error.Allowed);
    }

    [Theory]
    [InlineData("numImages", UiFieldTypes.Checkbox)]
    [InlineData("numImages", UiFieldTypes.Text)]
    [InlineData("negativePrompt", UiFieldTypes.Checkbox)]
    [InlineData("negativePrompt", UiFieldTypes.ColorPalette)]
    [InlineData("aspectRatio", UiFieldTypes.Text)]
    [InlineData("styleCodes", UiFieldTypes.Textarea)]
    [InlineData("colorPalette", UiFieldTypes.Textarea)]
    [InlineData("prompt", UiFieldTypes.StyleCodes)]
    [InlineData("customPromptAddition", UiFieldTypes.ColorPalette)]
    public void Refuses_a_field_type_that_does_not_suit_the_setting(string name, string type)
    {
        var error = SingleError(WithFields(new UiField { Name = name, Type = type, Label = "x" }));

        Assert.Equal("uiSchema.fields[0].type", error.Field);
        Assert.Contains($"does not suit {name}", error.Message);
    }

    [Fact]
    public void Refuses_a_prompt_field_that_is_a_select()
    {
        var error = SingleError(WithFields(Select("prompt", "a cat")));

        Assert.Equal("uiSchema.fields[0].type", error.Field);
        Assert.Equal([UiFieldTypes.Textarea, UiFieldTypes.Text], error.Allowed);
    }

    [Fact]
    public void Refuses_style_reference_images_as_a_form_field()
    {
        var error = SingleError(WithFields(new UiField { Name = "styleReferenceImages", Type = UiFieldTypes.Text, Label = "Refs" }));

        Assert.Equal("uiSchema.fields[0].type", error.Field);
        Assert.Contains("no field type exists", error.Message);
    }

    [Fact]
    public void Refuses_a_select_without_options()
    {
        Assert.Equal("uiSchema.fields[0].options", SingleError(WithFields(Select("styleType"))).Field);
        Assert.Equal(
            "uiSchema.fields[0].options",
            SingleError(WithFields(new UiField { Name = "styleType", Type = UiFieldTypes.Select, Label = "Style" })).Field);
    }

    [Theory]
    [InlineData("aspectRatio", "21:9")]
    [InlineData("styleType", "PHOTO")]
    [InlineData("renderingSpeed", "BALANCED")]
    [InlineData("magicPrompt", "YES")]
    [InlineData("stylePreset", "SEPIA")]
    [InlineData("resolution", "1536x1536")]
    public void Refuses_a_select_option_the_api_does_not_accept_naming_the_option(string name, string bad)
    {
        var error = SingleError(WithFields(Select(name, bad)));

        Assert.Equal("uiSchema.fields[0].options[0]", error.Field);
        Assert.Equal(bad, error.Value);
    }

    [Fact]
    public void Refuses_a_select_option_listed_twice()
    {
        Assert.Equal("uiSchema.fields[0].options[1]", SingleError(WithFields(Select("aspectRatio", "1:1", "1:1"))).Field);
    }

    [Fact]
    public void Accepts_select_options_in_every_spelling_the_api_accepts()
    {
        Assert.Empty(JobConfigurationValidator.Validate(WithFields(
            Select("aspectRatio", "16:9", "16x9"),
            Select("renderingSpeed", "FAST", "SLOW", "FLASH"),
            Select("resolution", "1024x1024"),
            Select("stylePreset", "BAUHAUS"))));
    }

    [Theory]
    [InlineData(null, 8.0, "uiSchema.fields[0].min")]
    [InlineData(1.0, null, "uiSchema.fields[0].max")]
    public void Refuses_a_slider_without_both_bounds(double? min, double? max, string field)
    {
        Assert.Equal(field, SingleError(WithFields(Slider("numImages", min, max))).Field);
    }

    [Fact]
    public void Accepts_a_number_field_without_bounds()
    {
        Assert.Empty(JobConfigurationValidator.Validate(WithFields(new UiField { Name = "seed", Type = UiFieldTypes.Number, Label = "Seed" })));
    }

    [Fact]
    public void Refuses_a_slider_whose_min_is_above_its_max()
    {
        var error = SingleError(WithFields(Slider("numImages", 5, 3)));

        Assert.Equal("uiSchema.fields[0].min", error.Field);
        Assert.Contains("greater than max 3", error.Message);
    }

    [Theory]
    [InlineData("numImages", 0.0, 8.0, "uiSchema.fields[0].min", "1..8")]
    [InlineData("numImages", 1.0, 9.0, "uiSchema.fields[0].max", "1..8")]
    [InlineData("seed", -1.0, 10.0, "uiSchema.fields[0].min", "0..2147483647")]
    [InlineData("seed", 0.0, 3e9, "uiSchema.fields[0].max", "0..2147483647")]
    [InlineData("numImages", 1.5, 8.0, "uiSchema.fields[0].min", "1..8")]
    public void Refuses_slider_bounds_outside_the_api_limits_or_not_whole(string name, double min, double max, string field, string range)
    {
        var error = SingleError(WithFields(Slider(name, min, max)));

        Assert.Equal(field, error.Field);
        Assert.Equal([range], error.Allowed);
    }

    [Fact]
    public void Refuses_options_on_a_slider_and_bounds_on_a_select()
    {
        var errors = JobConfigurationValidator.Validate(WithFields(
            Slider("numImages", 1, 8) with { Options = ["1", "2"] },
            Select("styleType", "AUTO") with { Min = 1 }));

        Assert.Equal(["uiSchema.fields[0].options", "uiSchema.fields[1].min"], errors.Select(e => e.Field));
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void Refuses_an_empty_label(string label)
    {
        Assert.Equal("uiSchema.fields[0].label", SingleError(WithFields(Select("styleType", "AUTO") with { Label = label })).Field);
    }

    [Fact]
    public void Refuses_a_label_longer_than_100()
    {
        Assert.Empty(JobConfigurationValidator.Validate(WithFields(Select("styleType", "AUTO") with { Label = new string('x', 100) })));
        Assert.Equal(
            "uiSchema.fields[0].label",
            SingleError(WithFields(Select("styleType", "AUTO") with { Label = new string('x', 101) })).Field);
    }

    [Fact]
    public void Refuses_a_select_default_that_is_not_one_of_its_options()
    {
        var error = SingleError(WithFields(Select("aspectRatio", "1:1", "16:9") with { DefaultJson = "\"4:3\"" }));

        Assert.Equal("uiSchema.fields[0].default", error.Field);
        Assert.Equal(["1:1", "16:9"], error.Allowed);
    }

    [Fact]
    public void Refuses_a_slider_default_outside_its_range()
    {
        var error = SingleError(WithFields(Slider("numImages", 1, 4, "6")));

        Assert.Equal("uiSchema.fields[0].default", error.Field);
        Assert.Equal(["1..4"], error.Allowed);
    }

    [Theory]
    [InlineData("\"four\"", "must be an integer")]
    [InlineData("4.5", "must be an integer")]
    [InlineData("{", "not valid JSON")]
    public void Refuses_a_default_of_the_wrong_type_or_not_json(string defaultJson, string expected)
    {
        var error = SingleError(WithFields(Slider("numImages", 1, 8, defaultJson)));

        Assert.Equal("uiSchema.fields[0].default", error.Field);
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void Refuses_a_default_the_api_does_not_accept()
    {
        var error = SingleError(WithFields(new UiField
        {
            Name = "colorPalette",
            Type = UiFieldTypes.ColorPalette,
            Label = "Palette",
            DefaultJson = """{"name":"NEON"}""",
        }));

        Assert.Equal("uiSchema.fields[0].default", error.Field);
        Assert.Equal("NEON", error.Value);
    }

    [Fact]
    public void Refuses_a_prompt_default_that_is_not_text()
    {
        var error = SingleError(WithFields(new UiField { Name = "prompt", Type = UiFieldTypes.Textarea, Label = "Prompt", DefaultJson = "42" }));

        Assert.Equal("uiSchema.fields[0].default", error.Field);
        Assert.Contains("must be a string", error.Message);
    }

    [Fact]
    public void Refuses_a_custom_prompt_addition_default_longer_than_an_addition_may_be()
    {
        var text = new string('a', OverrideValidator.MaxCustomPromptAdditionLength + 1);

        var error = SingleError(WithFields(new UiField
        {
            Name = "customPromptAddition",
            Type = UiFieldTypes.Text,
            Label = "Add",
            DefaultJson = $"\"{text}\"",
        }));

        Assert.Equal("uiSchema.fields[0].default", error.Field);
    }

    [Fact]
    public void Lists_every_problem_of_a_draft_at_once()
    {
        var draft = WithFields(
                Select("aspectRatio", "1:1", "21:9"),
                new UiField { Name = "numImages", Type = UiFieldTypes.Checkbox, Label = "" },
                new UiField { Name = "model", Type = UiFieldTypes.Text, Label = "Model" })
            with
        {
            JobTypeName = "Bad Name",
            ExecutionOrder = -5,
        };

        Assert.Equal(
            [
                "jobTypeName", "executionOrder", "uiSchema.fields[0].options[1]", "uiSchema.fields[1].type",
                "uiSchema.fields[1].label", "uiSchema.fields[2].name",
            ],
            JobConfigurationValidator.Validate(draft).Select(e => e.Field));
    }
}
