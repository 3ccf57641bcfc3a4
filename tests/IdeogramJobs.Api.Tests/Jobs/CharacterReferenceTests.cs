using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using IdeogramJobs.Api.Tests.Infrastructure;

namespace IdeogramJobs.Api.Tests.Jobs;

[Collection(ServiceCollection.Name)]
public sealed class CharacterReferenceTests(ServiceFixture service)
{
    private static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    [Fact]
    public async Task A_character_reference_sent_as_multipart_reaches_ideogram_and_is_kept_for_regeneration()
    {
        var account = await service.NewAccountAsync();
        var prompt = $"a hiker on a ridge {Guid.NewGuid():N}";

        using var submitted = await account.Http.PostAsync("/api/jobs/execute", Form(prompt, "face.png"));

        var body = await submitted.Content.ReadAsStringAsync();
        Assert.True(submitted.StatusCode == HttpStatusCode.Accepted, body);
        var jobId = JsonNode.Parse(body)!["jobId"]!.GetValue<long>();
        await account.WaitForAsync(jobId, "completed");
        Assert.Equal(1, await service.Database.CountAsync($"SELECT COUNT(*) FROM ssnews_job_character_references WHERE job_id = {jobId}"));

        using var regenerated = await account.Http.PostAsync($"/api/jobs/{jobId}/regenerate", new StringContent("{}", System.Text.Encoding.UTF8, "application/json"));
        var again = JsonNode.Parse(await regenerated.Content.ReadAsStringAsync())!["jobId"]!.GetValue<long>();
        await account.WaitForAsync(again, "completed");

        Assert.Equal(1, await service.Database.CountAsync($"SELECT COUNT(*) FROM ssnews_job_character_references WHERE job_id = {again}"));
        var sent = await SentCharacterPartsAsync(prompt);
        Assert.Equal(2, sent.Count);
        Assert.All(sent, parts => Assert.Equal(["image/png"], parts));
    }

    [Fact]
    public async Task Two_character_references_are_refused_naming_the_field()
    {
        var account = await service.NewAccountAsync();

        using var response = await account.Http.PostAsync("/api/jobs/execute", Form("a hiker", "a.png", "b.png"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull(JsonNode.Parse(await response.Content.ReadAsStringAsync())!["errors"]!["characterReferenceImage"]);
    }

    private static MultipartFormDataContent Form(string prompt, params string[] characterFiles)
    {
        var form = new MultipartFormDataContent
        {
            { new StringContent("blog_header"), "jobType" },
            { new StringContent(prompt), "prompt" },
            { new StringContent("""{"numImages":1}"""), "overrides" },
        };
        foreach (var name in characterFiles)
        {
            var part = new ByteArrayContent(Png);
            part.Headers.ContentType = new MediaTypeHeaderValue("image/png");
            form.Add(part, "characterReferenceImage", name);
        }

        return form;
    }

    /// <summary>For each generate request the simulator answered for this prompt, the content types of its character reference parts.</summary>
    private async Task<List<List<string>>> SentCharacterPartsAsync(string prompt)
    {
        var requests = JsonNode.Parse(await service.Simulator.GetStringAsync("/_simulator/requests"))!.AsArray();
        return [.. requests
            .Where(r => r!["status"]!.GetValue<int>() == 200
                && r["fields"]!.AsArray().Any(f => f!["name"]!.GetValue<string>() == "prompt" && f["value"]!.GetValue<string>().Contains(prompt, StringComparison.Ordinal)))
            .Select(r => r!["fields"]!.AsArray()
                .Where(f => f!["name"]!.GetValue<string>() == "character_reference_images")
                .Select(f => f!["contentType"]!.GetValue<string>())
                .ToList())];
    }
}
