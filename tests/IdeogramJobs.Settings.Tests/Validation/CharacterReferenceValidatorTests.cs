using IdeogramJobs.Contracts.Jobs;
using IdeogramJobs.Contracts.Settings;
using IdeogramJobs.Settings.Validation;
using IdeogramJobs.Testing;

namespace IdeogramJobs.Settings.Tests.Validation;

public sealed class CharacterReferenceValidatorTests
{
    [Fact]
    public void A_character_reference_that_is_not_an_image_or_with_flash_speed_is_refused_naming_the_fields()
    {
        var errors = CharacterReferenceValidator.Validate(
            new JobSettings { RenderingSpeed = "FLASH" }, new StyleReferenceUpload("face.png", "image/png", "not an image"u8.ToArray()));

        Assert.Contains(errors, e => e.Field == "characterReferenceImage");
        Assert.Contains(errors, e => e.Field == "renderingSpeed" && e.Message.Contains("character reference", StringComparison.Ordinal));
    }

    [Fact]
    public void A_character_reference_over_ten_megabytes_is_refused()
    {
        var large = new byte[10_000_001];
        TestImages.Png.CopyTo(large, 0);

        var errors = CharacterReferenceValidator.Validate(new JobSettings(), new StyleReferenceUpload("face.png", "image/png", large));

        Assert.Contains(errors, e => e.Field == "characterReferenceImage" && e.Message.Contains("10 MB", StringComparison.Ordinal));
    }

    [Fact]
    public void A_png_character_reference_with_turbo_speed_is_accepted()
    {
        Assert.Empty(CharacterReferenceValidator.Validate(new JobSettings { RenderingSpeed = "TURBO" }, new StyleReferenceUpload("face.png", "image/png", TestImages.Png)));
    }
}
