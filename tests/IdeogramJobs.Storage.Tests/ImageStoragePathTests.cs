using IdeogramJobs.Storage.Tests.Support;
using IdeogramJobs.Testing;

namespace IdeogramJobs.Storage.Tests;

public sealed class ImageStoragePathTests
{
    [Fact]
    public void Uuid_account_ids_are_used_unchanged()
    {
        const string account = "3f2504e0-4f89-11d3-9a0c-0305e82c3301";

        Assert.Equal(account, ImageStoragePath.AccountSegment(account));
    }

    [Fact]
    public void Account_ids_with_other_characters_become_safe_and_never_share_a_folder()
    {
        var accounts = new[] { "acme.corp", "acme corp", "acme/corp", "acme_corp", "../acme-corp", "acme-corp" };

        var segments = accounts.Select(ImageStoragePath.AccountSegment).ToList();

        Assert.Equal(accounts.Length, segments.Distinct(StringComparer.Ordinal).Count());
        Assert.All(segments, segment => Assert.True(ImageStoragePath.IsSafeSegment(segment), $"'{segment}' has unsafe characters"));
        Assert.Matches("^acme-corp_[0-9a-f]{16}$", ImageStoragePath.AccountSegment("acme.corp"));
    }

    [Fact]
    public void Account_id_of_only_unsafe_characters_still_gets_a_named_safe_folder()
    {
        Assert.Matches("^account_[0-9a-f]{16}$", ImageStoragePath.AccountSegment("../.."));
    }

    [Theory]
    [InlineData("image/png", "png")]
    [InlineData("image/jpeg", "jpg")]
    [InlineData("image/webp", "webp")]
    public void Extension_follows_the_bytes(string contentType, string extension)
    {
        var content = contentType switch
        {
            "image/png" => TestImages.RandomPng(),
            "image/jpeg" => TestImages.RandomJpeg(),
            _ => TestImages.RandomWebp(),
        };
        var format = ImageFormat.Detect(content)!;

        var path = ImageStoragePath.Build("ideogram-jobs", "acct-1", 42, 3, TestImages.Sha256(content), format);

        Assert.Equal($"/ideogram-jobs/acct-1/42/42-3-{TestImages.Sha256(content)[..12]}.{extension}", path);
        Assert.Equal(contentType, format.ContentType);
    }
}
