using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using IdeogramJobs.Api.Tests.Authentication;
using IdeogramJobs.Api.Tests.Infrastructure;

namespace IdeogramJobs.Api.Tests.Configurations;

[Collection(ServiceCollection.Name)]
public sealed class ConfigurationsApiTests(ServiceFixture service)
{
    private const string Base = JobTypeRequests.Base;

    private const string SpecFinalSettings =
        """{"styleType":"REALISTIC","aspectRatio":"1:1","magicPrompt":"ON","renderingSpeed":"DEFAULT","numImages":2,"colorPalette":{"members":["#1B365D","#FFFFFF","#F4F4F4"]},"negativePrompt":"low quality, blurry, text, watermark"}""";

    private const string SpecUserOverrides =
        """{"aspectRatio":"1:1","numImages":2,"styleType":"REALISTIC","customPromptAddition":"with modern minimalist design"}""";

    [Fact]
    public async Task The_list_pages_through_the_accounts_job_types()
    {
        var account = await service.NewAccountAsync();

        var all = await (await account.Http.GetAsync(Base)).ReadJsonAsync(HttpStatusCode.OK);
        var names = all["items"]!.AsArray().Select(i => i!["jobTypeName"]!.GetValue<string>()).ToList();
        Assert.Equal(["product_marketing", "social_media", "blog_header", "concept_illustration", "christian_content"], names);
        Assert.Equal(5, all["total"]!.GetValue<int>());
        Assert.Equal(50, all["limit"]!.GetValue<int>());

        var page = await (await account.Http.GetAsync(Base + "?offset=1&limit=2")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal(["social_media", "blog_header"], page["items"]!.AsArray().Select(i => i!["jobTypeName"]!.GetValue<string>()));
        Assert.Equal(5, page["total"]!.GetValue<int>());
        Assert.Equal(1, page["offset"]!.GetValue<int>());
    }

    [Theory]
    [InlineData("?limit=0", "limit")]
    [InlineData("?limit=201", "limit")]
    [InlineData("?offset=-1", "offset")]
    [InlineData("?limit=abc", "limit")]
    [InlineData("?includeInactive=maybe", "includeInactive")]
    public async Task Paging_values_out_of_range_are_400_naming_the_parameter(string query, string field)
    {
        var account = await service.NewAccountAsync();

        using var response = await account.Http.GetAsync(Base + query);

        var problem = await response.ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains(field, problem.ErrorFields());
    }

    [Fact]
    public async Task An_account_admin_creates_reads_replaces_and_deletes_a_job_type()
    {
        var account = await service.NewAccountAsync("admin");
        var name = JobTypeRequests.UniqueName();

        using var created = await account.Http.PostAsJsonAsync(Base, JobTypeRequests.Draft(name));
        var body = await created.ReadJsonAsync(HttpStatusCode.Created);
        var configId = body["configId"]!.GetValue<int>();
        Assert.Equal($"{Base}/{configId}", created.Headers.Location!.OriginalString);
        Assert.Equal(account.AccountId, body["accountId"]!.GetValue<string>());
        Assert.Equal(2, body["defaultSettings"]!["numImages"]!.GetValue<int>());

        var read = await (await account.Http.GetAsync(created.Headers.Location)).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal(name, read["jobTypeName"]!.GetValue<string>());

        var changed = JobTypeRequests.Draft(name, numImages: 3);
        changed["displayName"] = "Launch Images v2";
        using var replaced = await account.Http.PutAsJsonAsync($"{Base}/{configId}", changed);
        var after = await replaced.ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal("Launch Images v2", after["displayName"]!.GetValue<string>());
        Assert.Equal(3, (await (await account.Http.GetAsync($"{Base}/{configId}/settings")).ReadJsonAsync(HttpStatusCode.OK))["numImages"]!.GetValue<int>());

        using (var deleted = await account.Http.DeleteAsync($"{Base}/{configId}"))
        {
            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        }

        using var gone = await account.Http.GetAsync($"{Base}/{configId}");
        await gone.ReadProblemAsync(HttpStatusCode.NotFound);
        using var deletedAgain = await account.Http.DeleteAsync($"{Base}/{configId}");
        await deletedAgain.ReadProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_job_type_that_jobs_used_cannot_be_deleted_and_is_a_409()
    {
        var account = await service.NewAccountAsync("admin");
        var configId = await account.ConfigIdAsync("blog_header");
        await account.ExecuteAsync("blog_header", "a field of wheat");

        using var response = await account.Http.DeleteAsync($"{Base}/{configId}");

        var problem = await response.ReadProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("isActive", problem["detail"]!.GetValue<string>());
        using var still = await account.Http.GetAsync($"{Base}/{configId}");
        Assert.Equal(HttpStatusCode.OK, still.StatusCode);
    }

    [Fact]
    public async Task Creating_a_job_type_with_a_name_the_account_has_is_a_409()
    {
        var account = await service.NewAccountAsync("admin");

        using var response = await account.Http.PostAsJsonAsync(Base, JobTypeRequests.Draft("product_marketing"));

        await response.ReadProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(5, await service.CountConfigurationsAsync(account.AccountId));
    }

    [Fact]
    public async Task An_invalid_job_type_is_a_400_naming_every_invalid_field()
    {
        var account = await service.NewAccountAsync("admin");
        var draft = JobTypeRequests.Draft("Bad Name!", numImages: 9);
        draft["defaultSettings"]!["styleCodes"] = new JsonArray("not-a-code");

        using var response = await account.Http.PostAsJsonAsync(Base, draft);

        var problem = await response.ReadProblemAsync(HttpStatusCode.BadRequest);
        var fields = problem.ErrorFields();
        Assert.Contains("jobTypeName", fields);
        Assert.Contains("defaultSettings.numImages", fields);
        Assert.Contains(fields, f => f.StartsWith("defaultSettings.styleCodes", StringComparison.Ordinal));
        Assert.Equal(5, await service.CountConfigurationsAsync(account.AccountId));
    }

    [Fact]
    public async Task A_user_key_may_read_job_types_but_not_change_them()
    {
        var account = await service.NewAccountAsync("user");
        var configId = await account.ConfigIdAsync("product_marketing");

        using var created = await account.Http.PostAsJsonAsync(Base, JobTypeRequests.Draft(JobTypeRequests.UniqueName()));
        var problem = await created.ReadProblemAsync(HttpStatusCode.Forbidden);
        Assert.Contains("admin key", problem["detail"]!.GetValue<string>());
        using var replaced = await account.Http.PutAsJsonAsync($"{Base}/{configId}", JobTypeRequests.Draft("product_marketing"));
        await replaced.ReadProblemAsync(HttpStatusCode.Forbidden);
        using var deleted = await account.Http.DeleteAsync($"{Base}/{configId}");
        await deleted.ReadProblemAsync(HttpStatusCode.Forbidden);

        Assert.Equal(5, await service.CountConfigurationsAsync(account.AccountId));
        var settings = await (await account.Http.GetAsync($"{Base}/{configId}/settings")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal(4, settings["numImages"]!.GetValue<int>());
    }

    [Fact]
    public async Task Settings_and_ui_schema_are_the_job_types_defaults_and_form()
    {
        var account = await service.NewAccountAsync();
        var configId = await account.ConfigIdAsync("product_marketing");

        var settings = await (await account.Http.GetAsync($"{Base}/{configId}/settings")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal(
            """{"styleType":"DESIGN","aspectRatio":"16:9","magicPrompt":"ON","renderingSpeed":"DEFAULT","numImages":4,"colorPalette":{"members":["#1B365D","#FFFFFF","#F4F4F4"]},"negativePrompt":"low quality, blurry, text, watermark"}""",
            settings.ToJsonString());

        var schema = await (await account.Http.GetAsync($"{Base}/{configId}/ui-schema")).ReadJsonAsync(HttpStatusCode.OK);
        var fields = schema["fields"]!.AsArray();
        Assert.Equal(["prompt", "styleType", "aspectRatio", "numImages", "seed"], fields.Select(f => f!["name"]!.GetValue<string>()));
        Assert.Equal(8, fields[3]!["max"]!.GetValue<int>());
        Assert.Equal("DESIGN", fields[1]!["default"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_specification_override_example_previews_exactly_its_final_settings()
    {
        var account = await service.NewAccountAsync("user");
        var configId = await account.ConfigIdAsync("product_marketing");

        using var response = await account.Http.PostAsync($"{Base}/{configId}/settings/override", Json(SpecUserOverrides));

        var preview = await response.ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal(SpecFinalSettings, preview["finalSettings"]!.ToJsonString());
        Assert.Equal("with modern minimalist design", preview["customPromptAddition"]!.GetValue<string>());
        Assert.Equal(SpecUserOverrides, preview["userOverrides"]!.ToJsonString());
        Assert.Equal(0, await service.Database.CountAsync($"SELECT COUNT(*) FROM ssnews_jobs WHERE account_id = '{account.AccountId}'"));
    }

    [Fact]
    public async Task Invalid_overrides_are_a_400_listing_every_error()
    {
        var account = await service.NewAccountAsync("user");
        var configId = await account.ConfigIdAsync("product_marketing");

        using var response = await account.Http.PostAsync(
            $"{Base}/{configId}/settings/override",
            Json("""{"numImages":9,"styleType":"PAINTERLY","aspectRatio":"21:9","colour":"red"}"""));

        var problem = await response.ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["aspectRatio", "colour", "numImages", "styleType"], problem.ErrorFields());
        Assert.Equal(4, problem["fieldErrors"]!.AsArray().Count);
    }

    [Fact]
    public async Task A_user_may_override_only_what_the_form_offers_while_an_account_admin_may_override_any_valid_setting()
    {
        var user = await service.NewAccountAsync("user");
        var configId = await user.ConfigIdAsync("product_marketing");
        var overrides = """{"negativePrompt":"people"}""";

        using var refused = await user.Http.PostAsync($"{Base}/{configId}/settings/override", Json(overrides));
        Assert.Contains("negativePrompt", (await refused.ReadProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());

        var admin = await service.NewAccountAsync("admin");
        var adminConfigId = await admin.ConfigIdAsync("product_marketing");
        using var allowed = await admin.Http.PostAsync($"{Base}/{adminConfigId}/settings/override", Json(overrides));
        Assert.Equal("people", (await allowed.ReadJsonAsync(HttpStatusCode.OK))["finalSettings"]!["negativePrompt"]!.GetValue<string>());
    }

    [Fact]
    public async Task Another_accounts_job_types_are_404_everywhere_and_never_listed()
    {
        var owner = await service.NewAccountAsync("admin");
        var stranger = await service.NewAccountAsync("admin");
        var configId = await owner.ConfigIdAsync("product_marketing");
        var path = $"{Base}/{configId}";

        foreach (var request in new Func<Task<HttpResponseMessage>>[]
        {
            () => stranger.Http.GetAsync(path),
            () => stranger.Http.PutAsJsonAsync(path, JobTypeRequests.Draft("product_marketing", numImages: 1)),
            () => stranger.Http.DeleteAsync(path),
            () => stranger.Http.GetAsync(path + "/settings"),
            () => stranger.Http.PostAsync(path + "/settings/override", Json("""{"numImages":1}""")),
            () => stranger.Http.GetAsync(path + "/ui-schema"),
        })
        {
            using var response = await request();
            await response.ReadProblemAsync(HttpStatusCode.NotFound);
        }

        var ownerIds = await IdsAsync(owner);
        var strangerIds = await IdsAsync(stranger);
        Assert.Empty(ownerIds.Intersect(strangerIds));
        var settings = await (await owner.Http.GetAsync(path + "/settings")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal(4, settings["numImages"]!.GetValue<int>());
    }

    [Fact]
    public async Task Malformed_or_mistyped_bodies_are_400_problems_naming_the_field_and_write_nothing()
    {
        var account = await service.NewAccountAsync("admin");

        using var malformed = await account.Http.PostAsync(Base, Json("""{"jobTypeName": "x", """));
        var malformedProblem = await malformed.ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(malformedProblem.ErrorFields());

        var mistyped = JobTypeRequests.Draft(JobTypeRequests.UniqueName());
        mistyped["defaultSettings"]!["numImages"] = "four";
        using var wrongType = await account.Http.PostAsJsonAsync(Base, mistyped);
        Assert.Equal(["defaultSettings.numImages"], (await wrongType.ReadProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());

        var unknown = JobTypeRequests.Draft(JobTypeRequests.UniqueName());
        unknown["defaultSettings"]!["numImage"] = 2;
        using var unknownField = await account.Http.PostAsJsonAsync(Base, unknown);
        Assert.Equal(["defaultSettings.numImage"], (await unknownField.ReadProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());

        var missing = JobTypeRequests.Draft(JobTypeRequests.UniqueName());
        missing.Remove("displayName");
        using var missingField = await account.Http.PostAsJsonAsync(Base, missing);
        Assert.Contains("displayName", (await missingField.ReadProblemAsync(HttpStatusCode.BadRequest))["detail"]!.GetValue<string>());

        using var empty = await account.Http.PostAsync(Base, Json(""));
        Assert.Equal(["body"], (await empty.ReadProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());

        Assert.Equal(5, await service.CountConfigurationsAsync(account.AccountId));
    }

    [Fact]
    public async Task Wrong_content_types_are_415_and_oversized_bodies_413()
    {
        var account = await service.NewAccountAsync("admin");
        var configId = await account.ConfigIdAsync("product_marketing");

        using var text = await account.Http.PostAsync(Base, new StringContent(JobTypeRequests.Draft(JobTypeRequests.UniqueName()).ToJsonString()));
        await text.ReadProblemAsync(HttpStatusCode.UnsupportedMediaType);

        var huge = JobTypeRequests.Draft(JobTypeRequests.UniqueName());
        huge["description"] = new string('x', 2 * 1024 * 1024);
        using var oversized = await account.Http.PostLargeAsync(Base, JsonContent.Create(huge));
        await oversized.ReadProblemAsync(HttpStatusCode.RequestEntityTooLarge);

        using var hugeOverrides = await account.Http.PostLargeAsync(
            $"{Base}/{configId}/settings/override",
            Json($$"""{"negativePrompt":"{{new string('x', 2 * 1024 * 1024)}}"}"""));
        await hugeOverrides.ReadProblemAsync(HttpStatusCode.RequestEntityTooLarge);

        Assert.Equal(5, await service.CountConfigurationsAsync(account.AccountId));
    }

    [Fact]
    public async Task Hostile_values_are_refused_and_write_nothing()
    {
        var account = await service.NewAccountAsync("admin");
        var configId = await account.ConfigIdAsync("product_marketing");

        using var sql = await account.Http.PostAsJsonAsync(Base, JobTypeRequests.Draft("x'; DROP TABLE ssnews_jobs; --"));
        Assert.Contains("jobTypeName", (await sql.ReadProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());

        using var tooMany = await account.Http.PostAsync($"{Base}/{configId}/settings/override", Json("""{"numImages":9}"""));
        Assert.Contains("numImages", (await tooMany.ReadProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());

        using var styleCode = await account.Http.PostAsync($"{Base}/{configId}/settings/override", Json("""{"styleCodes":["ZZZZ"]}"""));
        Assert.Equal(HttpStatusCode.BadRequest, styleCode.StatusCode);

        var deep = string.Concat(Enumerable.Repeat("{\"a\":", 40)) + "1" + new string('}', 40);
        using var tooDeep = await account.Http.PostAsync($"{Base}/{configId}/settings/override", Json(deep));
        await tooDeep.ReadProblemAsync(HttpStatusCode.BadRequest);

        foreach (var id in new[] { "..%2F1", "%2e%2e", "abc", "99999999999", "-1", "0", "1%20OR%201=1" })
        {
            using var response = await account.Http.GetAsync($"{Base}/{id}/settings");
            Assert.True(response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.BadRequest, $"{id}: {(int)response.StatusCode}");
            using var put = await account.Http.PutAsJsonAsync($"{Base}/{id}", JobTypeRequests.Draft("product_marketing", numImages: 1));
            Assert.True((int)put.StatusCode is >= 400 and < 500, $"PUT {id}: {(int)put.StatusCode}");
        }

        Assert.Equal(5, await service.CountConfigurationsAsync(account.AccountId));
        var settings = await (await account.Http.GetAsync($"{Base}/{configId}/settings")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal(4, settings["numImages"]!.GetValue<int>());
    }

    private static StringContent Json(string json) => new(json, System.Text.Encoding.UTF8, "application/json");

    private static async Task<IReadOnlyList<int>> IdsAsync(TestAccount account)
    {
        var page = await (await account.Http.GetAsync(Base + "?includeInactive=true&limit=200")).ReadJsonAsync(HttpStatusCode.OK);
        return [.. page["items"]!.AsArray().Select(i => i!["configId"]!.GetValue<int>())];
    }
}
