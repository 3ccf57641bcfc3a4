using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using IdeogramJobs.Api.Tests.Authentication;
using IdeogramJobs.Api.Tests.Infrastructure;

namespace IdeogramJobs.Api.Tests.Configurations;

/// <summary>A form field's group: kept as written, and refused when blank or too long.</summary>
[Collection(ServiceCollection.Name)]
public sealed class FormGroupTests(ServiceFixture service)
{
    [Fact]
    public async Task A_field_group_is_kept_as_written()
    {
        var account = await service.NewAccountAsync("admin");

        using var created = await account.Http.PostAsJsonAsync(JobTypeRequests.Base, DraftWithSeedGroup("advanced"));

        var fields = (await created.ReadJsonAsync(HttpStatusCode.Created))["uiSchema"]!["fields"]!.AsArray();
        Assert.Equal("advanced", fields[2]!["group"]!.GetValue<string>());
    }

    [Theory]
    [InlineData(" ")]
    [InlineData("a group name that is far longer than fifty characters in all")]
    public async Task A_blank_or_overlong_field_group_is_400_naming_the_field(string group)
    {
        var account = await service.NewAccountAsync("admin");

        using var response = await account.Http.PostAsJsonAsync(JobTypeRequests.Base, DraftWithSeedGroup(group));

        var problem = await response.ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("uiSchema.fields[2].group", problem.ErrorFields());
    }

    private static JsonObject DraftWithSeedGroup(string group)
    {
        var draft = JobTypeRequests.Draft(JobTypeRequests.UniqueName());
        draft["uiSchema"]!["fields"]!.AsArray().Add(new JsonObject
        {
            ["name"] = "seed",
            ["type"] = "number",
            ["label"] = "Seed",
            ["group"] = group,
        });
        return draft;
    }
}
