using IdeogramJobs.Storage.Tests.Support;
using IdeogramJobs.Testing;

namespace IdeogramJobs.Storage.Tests.Local;

/// <summary>
/// Each refused path points at a file that really exists (inside or outside the root), so a refusal
/// proves the guard, not a missing file.
/// </summary>
public sealed class LocalImageFilesTests : IDisposable
{
    private readonly LocalStoreHarness harness = new();
    private readonly string outside;

    public LocalImageFilesTests()
    {
        var root = harness.Root;
        Directory.CreateDirectory(Path.Combine(root, "ideogram-jobs", "acct-1", "42"));
        File.WriteAllBytes(Path.Combine(root, "ideogram-jobs", "acct-1", "42", "42-0-0123456789ab.png"), TestImages.RandomPng());
        File.WriteAllText(Path.Combine(root, "notes.txt"), "not an image");
        File.WriteAllText(Path.Combine(root, "ideogram-jobs", "page.html"), "<script></script>");
        File.WriteAllText(Path.Combine(root, "ideogram-jobs", "page.svg"), "<svg/>");

        outside = Path.Combine(harness.Folder.Path, "outside");
        Directory.CreateDirectory(outside);
        File.WriteAllBytes(Path.Combine(outside, "secret.png"), TestImages.RandomPng(seed: 9));
        Directory.CreateSymbolicLink(Path.Combine(root, "ideogram-jobs", "linked"), outside);
        File.CreateSymbolicLink(Path.Combine(root, "ideogram-jobs", "link.png"), Path.Combine(outside, "secret.png"));
    }

    [Fact]
    public void Stored_image_path_opens_with_its_content_type()
    {
        Assert.True(harness.Files.TryOpen("ideogram-jobs/acct-1/42/42-0-0123456789ab.png", out var stream, out var contentType));
        using (stream)
        {
            Assert.Equal(TestImages.RandomPng().Length, stream.Length);
        }

        Assert.Equal("image/png", contentType);
    }

    [Theory]
    [InlineData("../outside/secret.png")]
    [InlineData("%2e%2e/outside/secret.png")]
    [InlineData("%2e%2e%2foutside%2fsecret.png")]
    [InlineData("..%2Foutside%2Fsecret.png")]
    [InlineData("ideogram-jobs/../../outside/secret.png")]
    [InlineData("a/../../outside/secret.png")]
    [InlineData("..\\outside\\secret.png")]
    [InlineData("ideogram-jobs\\acct-1\\42\\42-0-0123456789ab.png")]
    [InlineData("./ideogram-jobs/acct-1/42/42-0-0123456789ab.png")]
    [InlineData("ideogram-jobs//acct-1/42/42-0-0123456789ab.png")]
    [InlineData("/etc/passwd")]
    [InlineData("ideogram-jobs/linked/secret.png")]
    [InlineData("ideogram-jobs/link.png")]
    [InlineData("notes.txt")]
    [InlineData("ideogram-jobs/page.html")]
    [InlineData("ideogram-jobs/page.svg")]
    [InlineData("ideogram-jobs/acct-1/42/42-0-0123456789ab.PNG")]
    [InlineData("ideogram-jobs/acct-1/42/42-0-0123456789ab.png.txt")]
    [InlineData("ideogram-jobs/acct-1/42")]
    [InlineData("")]
    [InlineData(null)]
    public void Traversal_links_and_non_image_paths_are_refused(string? path)
    {
        Assert.False(harness.Files.TryOpen(path, out var stream, out var contentType));
        Assert.Null(stream);
        Assert.Null(contentType);
    }

    [Fact]
    public void Absolute_path_to_an_existing_image_outside_the_root_is_refused()
    {
        var absolute = Path.Combine(outside, "secret.png");
        Assert.True(File.Exists(absolute));

        Assert.False(harness.Files.TryOpen(absolute, out _, out _));
        Assert.False(harness.Files.TryOpen(absolute.TrimStart('/'), out _, out _));
    }

    public void Dispose() => harness.Dispose();
}
