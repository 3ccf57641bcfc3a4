using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using IdeogramJobs.Api.Tests.Infrastructure;
using IdeogramJobs.Testing;

namespace IdeogramJobs.Api.Tests.Images;

/// <summary>Image URLs are built when answering, so they follow the service to whatever address it is reached at.</summary>
[Collection(ServiceCollection.Name)]
public sealed class ImageAddressTests(ServiceFixture service)
{
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    [Fact]
    public async Task Images_stored_under_one_address_are_answered_and_served_under_the_address_the_api_is_reached_at()
    {
        var account = await service.NewAccountAsync();
        var jobId = await account.ExecuteAsync("blog_header", "a lighthouse");
        await account.WaitForAsync(jobId, "completed");

        // A second API on another port with no PUBLIC_BASE_URL: the one that stored the images is elsewhere.
        var port = FreePort.Next();
        await using var api = ServiceProcess.Start("api/IdeogramJobs.Api", new Dictionary<string, string?>
        {
            ["DATABASE_URL"] = service.Database.Url,
            ["API_PORT"] = port.ToString(),
            ["ORLEANS_CLUSTER_ID"] = service.Database.Name,
            ["ORLEANS_SERVICE_ID"] = service.Database.Name,
            ["ADMIN_API_KEY"] = service.AdminKey,
            ["IMAGE_STORAGE_PATH"] = service.ImageRoot,
        });
        using var client = new HttpClient { BaseAddress = new Uri($"http://localhost:{port}"), Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", account.Key);
        await Eventually.Until(
            async () => (await client.GetAsync("/health")).IsSuccessStatusCode,
            TimeSpan.FromSeconds(90),
            "the second API's /health to be 200");

        var results = JsonNode.Parse(await client.GetStringAsync($"/api/jobs/{jobId}/results"))!;
        var gallery = JsonNode.Parse(await client.GetStringAsync($"/api/images?jobId={jobId}"))!;

        var resultUrls = results["images"]!.AsArray().Select(i => i!["url"]!.GetValue<string>()).ToList();
        var galleryUrls = gallery["items"]!.AsArray().Select(i => i!["url"]!.GetValue<string>()).ToList();
        Assert.Equal(2, resultUrls.Count);
        Assert.All(resultUrls.Concat(galleryUrls), url => Assert.StartsWith($"http://localhost:{port}/media/", url));
        Assert.Equal(resultUrls.Order(), galleryUrls.Order());
        await AssertServesPngAsync(client, resultUrls[0]);
    }

    [Fact]
    public async Task A_row_stored_under_an_old_local_base_is_answered_under_todays_base()
    {
        var account = await service.NewAccountAsync();
        var jobId = await account.ExecuteAsync("blog_header", "a windmill");
        await account.WaitForAsync(jobId, "completed");
        var today = service.ApiBase.ToString().TrimEnd('/');
        await service.Database.ExecuteAsync(
            $"UPDATE ssnews_image_assets SET sirv_cdn_url = REPLACE(sirv_cdn_url, '{today}', 'http://127.0.0.1:8080') WHERE job_id = {jobId}");
        Assert.Equal(2, await service.Database.CountAsync($"SELECT COUNT(*) FROM ssnews_image_assets WHERE job_id = {jobId} AND sirv_cdn_url LIKE 'http://127.0.0.1:8080/media/%'"));

        var gallery = JsonNode.Parse(await account.Http.GetStringAsync($"/api/images?jobId={jobId}"))!;

        var urls = gallery["items"]!.AsArray().Select(i => i!["url"]!.GetValue<string>()).ToList();
        Assert.Equal(2, urls.Count);
        Assert.All(urls, url => Assert.StartsWith(today + "/media/ideogram-jobs/", url));
        await AssertServesPngAsync(account.Http, urls[0]);
    }

    [Fact]
    public async Task An_image_url_that_is_not_the_services_own_is_answered_as_it_was_stored()
    {
        var account = await service.NewAccountAsync();
        var jobId = await account.ExecuteAsync("blog_header", "a bridge");
        await account.WaitForAsync(jobId, "completed");
        await service.Database.ExecuteAsync(
            $"UPDATE ssnews_image_assets SET sirv_cdn_url = CONCAT('https://elsewhere.example/pictures/', image_id, '.png') WHERE job_id = {jobId}");

        var gallery = JsonNode.Parse(await account.Http.GetStringAsync($"/api/images?jobId={jobId}"))!;

        Assert.All(gallery["items"]!.AsArray(), i => Assert.Equal(
            $"https://elsewhere.example/pictures/{i!["imageId"]!.GetValue<long>()}.png",
            i["url"]!.GetValue<string>()));
    }

    private static async Task AssertServesPngAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(PngSignature, body[..PngSignature.Length]);
    }
}
