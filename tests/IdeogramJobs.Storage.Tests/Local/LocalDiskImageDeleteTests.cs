using IdeogramJobs.Storage.Tests.Support;
using IdeogramJobs.Testing;

namespace IdeogramJobs.Storage.Tests.Local;

public sealed class LocalDiskImageDeleteTests
{
    [Fact]
    public async Task A_deleted_image_is_no_longer_served_and_deleting_it_again_is_no_error()
    {
        using var harness = new LocalStoreHarness();
        var stored = await harness.Store.SaveAsync(new ImageToStore("acct-1", 7, 0, TestImages.RandomPng(2000), "image/png"), CancellationToken.None);

        await harness.Store.DeleteAsync(stored.StoragePath, CancellationToken.None);
        await harness.Store.DeleteAsync(stored.StoragePath, CancellationToken.None);
        await harness.Store.DeleteAsync("/ideogram-jobs/acct-1/8/never-stored.png", CancellationToken.None);

        Assert.False(harness.Files.TryOpen(stored.StoragePath.TrimStart('/'), out _, out _));
        Assert.Empty(harness.AllFilesUnderRoot());
    }

    [Fact]
    public async Task A_path_leading_outside_the_image_folder_is_refused()
    {
        using var harness = new LocalStoreHarness();

        var refused = await Assert.ThrowsAsync<ImageStorageException>(() => harness.Store.DeleteAsync("/../outside.png", CancellationToken.None));

        Assert.False(refused.IsTransient);
    }
}
