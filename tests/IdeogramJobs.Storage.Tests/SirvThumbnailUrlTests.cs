using IdeogramJobs.Storage.Sirv;

namespace IdeogramJobs.Storage.Tests;

public sealed class SirvThumbnailUrlTests
{
    private const string Original = "https://demo.sirv.com/ideogram-jobs/acct-1/42/42-0-0123456789ab.png";

    [Fact]
    public void Exact_size_social_card_uses_fill_with_quality_and_format()
    {
        var url = SirvThumbnailUrl.Build(Original, 1200, 630, SirvScaleOption.Fill, 85, SirvImageFormat.Webp);

        Assert.Equal(Original + "?w=1200&h=630&scale.option=fill&q=85&format=webp", url);
    }

    [Fact]
    public void Only_the_given_options_are_appended()
    {
        Assert.Equal(Original + "?w=320", SirvThumbnailUrl.Build(Original, width: 320));
        Assert.Equal(Original + "?h=200&scale.option=fit", SirvThumbnailUrl.Build(Original, height: 200, scale: SirvScaleOption.Fit));
        Assert.Equal(Original, SirvThumbnailUrl.Build(Original));
    }

    [Fact]
    public void Options_are_added_to_an_existing_query_with_an_ampersand()
    {
        var url = SirvThumbnailUrl.Build(Original + "?profile=cards", width: 400, format: SirvImageFormat.Optimal);

        Assert.Equal(Original + "?profile=cards&w=400&format=optimal", url);
    }

    [Fact]
    public void Out_of_range_values_and_relative_urls_are_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => SirvThumbnailUrl.Build(Original, width: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => SirvThumbnailUrl.Build(Original, height: -5));
        Assert.Throws<ArgumentOutOfRangeException>(() => SirvThumbnailUrl.Build(Original, quality: 101));
        Assert.Throws<ArgumentException>(() => SirvThumbnailUrl.Build("/ideogram-jobs/a.png", width: 10));
    }
}
