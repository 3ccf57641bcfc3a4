using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using IdeogramJobs.Api.Tests.Authentication;
using IdeogramJobs.Api.Tests.Infrastructure;

namespace IdeogramJobs.Api.Tests.Jobs;

[Collection(ServiceCollection.Name)]
public sealed class StyleReferenceTests(ServiceFixture service)
{
    private static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    [Fact]
    public async Task Style_reference_images_sent_as_multipart_reach_ideogram_and_are_kept_for_regeneration()
    {
        var account = await service.NewAccountAsync();

        using var submitted = await account.Http.PostAsync("/api/jobs/execute", Form(("reference.png", Png)));

        var body = await submitted.Content.ReadAsStringAsync();
        Assert.True(submitted.StatusCode == HttpStatusCode.Accepted, body);
        var jobId = JsonNode.Parse(body)!["jobId"]!.GetValue<long>();
        await account.WaitForAsync(jobId, "completed");
        Assert.Equal(1, await service.Database.CountAsync($"SELECT COUNT(*) FROM ssnews_job_style_references WHERE job_id = {jobId}"));
        Assert.Contains("sha256:", (await service.Database.QueryAsync($"SELECT final_settings FROM ssnews_job_execution_settings WHERE job_id = {jobId}"))[0]["final_settings"]);
        Assert.Equal(["image/png"], await SentReferenceTypesAsync("a lantern"));

        using var regenerated = await account.Http.PostAsync($"/api/jobs/{jobId}/regenerate", JsonContent());
        var again = JsonNode.Parse(await regenerated.Content.ReadAsStringAsync())!["jobId"]!.GetValue<long>();
        await account.WaitForAsync(again, "completed");
        Assert.Equal(1, await service.Database.CountAsync($"SELECT COUNT(*) FROM ssnews_job_style_references WHERE job_id = {again}"));
    }

    [Fact]
    public async Task A_file_that_is_not_an_image_is_refused_with_415()
    {
        var account = await service.NewAccountAsync();

        using var response = await account.Http.PostAsync("/api/jobs/execute", Form(("notes.png", "just text"u8.ToArray())));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Fact]
    public async Task More_than_three_reference_images_are_refused_naming_the_field()
    {
        var account = await service.NewAccountAsync();

        using var response = await account.Http.PostAsync("/api/jobs/execute", Form([.. Enumerable.Range(0, 4).Select(i => ($"r{i}.png", Png))]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull(JsonNode.Parse(await response.Content.ReadAsStringAsync())!["errors"]!["styleReferenceImages"]);
    }

    [Fact]
    public async Task Reference_images_over_ten_megabytes_in_all_are_refused_with_413()
    {
        var account = await service.NewAccountAsync();
        var large = new byte[5_200_000];
        Png.CopyTo(large, 0);

        using var response = await account.Http.PostLargeAsync("/api/jobs/execute", Form(("a.png", large), ("b.png", large)));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(0, await service.Database.CountAsync($"SELECT COUNT(*) FROM ssnews_jobs WHERE account_id = '{account.AccountId}'"));
    }

    [Theory]
    [InlineData("Content-Type: text/plain")]
    [InlineData("Content-Disposition: garbage;;;=\"")]
    public async Task A_form_part_without_a_valid_content_disposition_is_refused_with_400_naming_the_body(string partHeader)
    {
        var account = await service.NewAccountAsync();
        var body = new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes($"--b\r\n{partHeader}\r\n\r\na lantern\r\n--b--\r\n"));
        body.Headers.TryAddWithoutValidation("Content-Type", "multipart/form-data; boundary=b");

        using var response = await account.Http.PostAsync("/api/jobs/execute", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("Content-Disposition", JsonNode.Parse(await response.Content.ReadAsStringAsync())!["errors"]!["body"]![0]!.GetValue<string>());
        Assert.Equal(0, await service.Database.CountAsync($"SELECT COUNT(*) FROM ssnews_jobs WHERE account_id = '{account.AccountId}'"));
    }

    [Fact]
    public async Task A_submission_in_neither_json_nor_form_is_refused_with_415()
    {
        var account = await service.NewAccountAsync();

        using var response = await account.Http.PostAsync("/api/jobs/execute", new StringContent("jobType=blog_header", System.Text.Encoding.UTF8, "text/plain"));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    private static MultipartFormDataContent Form(params (string Name, byte[] Content)[] files)
    {
        var form = new MultipartFormDataContent
        {
            { new StringContent("blog_header"), "jobType" },
            { new StringContent("a lantern"), "prompt" },
            { new StringContent("""{"numImages":1}"""), "overrides" },
        };
        foreach (var (name, content) in files)
        {
            var part = new ByteArrayContent(content);
            part.Headers.ContentType = new MediaTypeHeaderValue("image/png");
            form.Add(part, "styleReferenceImages", name);
        }

        return form;
    }

    private static StringContent JsonContent() => new("{}", System.Text.Encoding.UTF8, "application/json");

    private async Task<IReadOnlyList<string>> SentReferenceTypesAsync(string prompt)
    {
        var requests = JsonNode.Parse(await service.Simulator.GetStringAsync("/_simulator/requests"))!.AsArray();
        var sent = requests.Last(r => r!["fields"]!.AsArray().Any(f => f!["name"]!.GetValue<string>() == "prompt" && f["value"]!.GetValue<string>().Contains(prompt, StringComparison.Ordinal)))!;
        return [.. sent["fields"]!.AsArray().Where(f => f!["name"]!.GetValue<string>() == "style_reference_images").Select(f => f!["contentType"]!.GetValue<string>())];
    }
}
