using IdeogramJobs.Storage.Tests.Support;
using IdeogramJobs.Testing;
using IdeogramJobs.Testing.Sirv;

namespace IdeogramJobs.Storage.Tests.Sirv;

public sealed class SirvDeleteTests
{
    [Fact]
    public async Task A_deleted_image_is_gone_from_sirv_and_deleting_it_again_is_no_error()
    {
        await using var harness = await SirvStoreHarness.StartAsync();
        var kept = await harness.Store.SaveAsync(SirvStoreHarness.Image(TestImages.RandomPng(seed: 1), jobId: 1, index: 0), CancellationToken.None);
        var deleted = await harness.Store.SaveAsync(SirvStoreHarness.Image(TestImages.RandomPng(seed: 2), jobId: 2, index: 0), CancellationToken.None);

        await harness.Store.DeleteAsync(deleted.StoragePath, CancellationToken.None);
        await harness.Store.DeleteAsync(deleted.StoragePath, CancellationToken.None);

        Assert.False(harness.Host.Files.ContainsKey(deleted.StoragePath));
        Assert.True(harness.Host.Files.ContainsKey(kept.StoragePath));
        using var http = new HttpClient();
        using var response = await http.GetAsync(deleted.PublicUrl);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, response.StatusCode);
    }
}
