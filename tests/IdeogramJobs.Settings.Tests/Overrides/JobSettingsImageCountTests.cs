using IdeogramJobs.Contracts.Settings;

namespace IdeogramJobs.Settings.Tests.Overrides;

public sealed class JobSettingsImageCountTests
{
    [Fact]
    public void Settings_without_a_number_of_images_make_one_as_Ideogram_does() =>
        Assert.Equal(1, new JobSettings().ImageCount);

    [Fact]
    public void The_number_of_images_asked_for_is_the_count() =>
        Assert.Equal(4, new JobSettings { NumImages = 4 }.ImageCount);

    [Fact]
    public void The_count_is_not_stored_or_answered_as_a_setting() =>
        Assert.DoesNotContain("imageCount", SettingsJson.Serialize(new JobSettings { NumImages = 2 }), StringComparison.OrdinalIgnoreCase);
}
