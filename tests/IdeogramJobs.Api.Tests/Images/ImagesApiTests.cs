using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using IdeogramJobs.Api.Tests.Infrastructure;

namespace IdeogramJobs.Api.Tests.Images;

[Collection(ServiceCollection.Name)]
public sealed class ImagesApiTests(ServiceFixture service)
{
    [Fact]
    public async Task Images_are_listed_by_job_and_reviewed_one_by_one_or_in_bulk()
    {
        var account = await service.NewAccountAsync();
        var jobId = await account.ExecuteAsync("product_marketing", "a kettle");
        await account.WaitForAsync(jobId, "completed");

        var listed = JsonNode.Parse(await account.Http.GetStringAsync($"/api/images?jobId={jobId}"))!;
        var ids = listed["items"]!.AsArray().Select(i => i!["imageId"]!.GetValue<long>()).ToList();
        Assert.Equal(4, ids.Count);
        Assert.All(listed["items"]!.AsArray(), i => Assert.Equal("pendingReview", i!["status"]!.GetValue<string>()));
        Assert.Equal("a kettle", listed["items"]![0]!["prompt"]!.GetValue<string>().Replace("Enhanced: ", string.Empty));

        using var approved = await account.Http.PostAsync($"/api/images/{ids[0]}/approve", null);
        using var rejected = await account.Http.PostAsync($"/api/images/{ids[1]}/reject", null);
        using var bulk = await account.Http.PostAsJsonAsync("/api/images/status", new { imageIds = ids.Skip(2), status = "archived" });

        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        Assert.Equal(HttpStatusCode.OK, rejected.StatusCode);
        Assert.Equal(2, JsonNode.Parse(await bulk.Content.ReadAsStringAsync())!["imageIds"]!.AsArray().Count);
        var archived = JsonNode.Parse(await account.Http.GetStringAsync($"/api/images?status=archived&jobId={jobId}"))!;
        Assert.Equal(2, archived["total"]!.GetValue<int>());
        Assert.Equal("approved", (await service.Database.QueryAsync($"SELECT status FROM ssnews_image_assets WHERE image_id = {ids[0]}"))[0]["status"]);
    }

    [Fact]
    public async Task Selected_images_download_as_a_zip_with_a_manifest()
    {
        var account = await service.NewAccountAsync();
        var jobId = await account.ExecuteAsync("blog_header", "a harbour");
        await account.WaitForAsync(jobId, "completed");
        var ids = JsonNode.Parse(await account.Http.GetStringAsync($"/api/images?jobId={jobId}"))!["items"]!.AsArray().Select(i => i!["imageId"]!.GetValue<long>()).ToList();

        using var response = await account.Http.PostAsJsonAsync("/api/images/export", new { imageIds = ids });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/zip", response.Content.Headers.ContentType!.MediaType);
        using var zip = new ZipArchive(await response.Content.ReadAsStreamAsync());
        var images = zip.Entries.Where(e => e.FullName.EndsWith(".png", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, images.Count);
        await using (var first = await images[0].OpenAsync())
        {
            var signature = new byte[8];
            await first.ReadExactlyAsync(signature);
            Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, signature);
        }

        await using var manifestStream = await zip.GetEntry("manifest.json")!.OpenAsync();
        var manifest = (await JsonNode.ParseAsync(manifestStream))!.AsArray();
        Assert.Equal(2, manifest.Count);
        Assert.NotNull(manifest[0]!["finalSettings"]);
    }

    [Fact]
    public async Task Another_accounts_images_are_never_listed_changed_or_exported()
    {
        var owner = await service.NewAccountAsync();
        var stranger = await service.NewAccountAsync();
        var jobId = await owner.ExecuteAsync("blog_header", "private harbour");
        await owner.WaitForAsync(jobId, "completed");
        var imageId = JsonNode.Parse(await owner.Http.GetStringAsync($"/api/images?jobId={jobId}"))!["items"]![0]!["imageId"]!.GetValue<long>();

        var listed = JsonNode.Parse(await stranger.Http.GetStringAsync($"/api/images?jobId={jobId}"))!;
        using var approve = await stranger.Http.PostAsync($"/api/images/{imageId}/approve", null);
        using var export = await stranger.Http.PostAsJsonAsync("/api/images/export", new { imageIds = new[] { imageId } });
        using var bulk = await stranger.Http.PostAsJsonAsync("/api/images/status", new { imageIds = new[] { imageId }, status = "rejected" });

        Assert.Equal(0, listed["total"]!.GetValue<int>());
        Assert.Equal(HttpStatusCode.NotFound, approve.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, export.StatusCode);
        Assert.Empty(JsonNode.Parse(await bulk.Content.ReadAsStringAsync())!["imageIds"]!.AsArray());
        Assert.Equal("pending_review", (await service.Database.QueryAsync($"SELECT status FROM ssnews_image_assets WHERE image_id = {imageId}"))[0]["status"]);
    }
}
