using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using IdeogramJobs.Api.Tests.Authentication;
using IdeogramJobs.Api.Tests.Configurations;
using IdeogramJobs.Api.Tests.Infrastructure;

namespace IdeogramJobs.Api.Tests.Brand;

[Collection(ServiceCollection.Name)]
public sealed class BrandLibraryApiTests(ServiceFixture service)
{
    [Fact]
    public async Task An_account_admin_saves_a_palette_that_every_key_of_the_account_can_list()
    {
        var admin = await service.NewAccountAsync("admin");
        var user = await service.KeyAsync(admin, "user");

        var id = await admin.AddPaletteAsync("Harbour", "#1B365D", "#FFFFFF");

        using var listed = await user.Http.GetAsync(BrandLibraryRequests.Palettes);
        var palette = (await listed.ReadJsonAsync(HttpStatusCode.OK)).AsArray().Single()!;
        Assert.Equal(id, palette["id"]!.GetValue<long>());
        Assert.Equal("Harbour", palette["name"]!.GetValue<string>());
        Assert.Equal($"brand:{id}", palette["reference"]!.GetValue<string>());
        Assert.Equal("#1B365D", palette["palette"]!["members"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task A_user_key_may_read_the_library_but_not_change_it()
    {
        var admin = await service.NewAccountAsync("admin");
        var user = await service.KeyAsync(admin, "user");
        var id = await admin.AddStyleCodesAsync("House style", "1A2B3C4D");

        using var added = await user.Http.PostAsJsonAsync(BrandLibraryRequests.StyleCodes, new { name = "Mine", codes = new[] { "AABBCCDD" } });
        using var renamed = await user.Http.PutAsJsonAsync($"{BrandLibraryRequests.StyleCodes}/{id}", new { name = "Renamed", codes = new[] { "1A2B3C4D" } });
        using var deleted = await user.Http.DeleteAsync($"{BrandLibraryRequests.StyleCodes}/{id}");
        using var read = await user.Http.GetAsync($"{BrandLibraryRequests.StyleCodes}/{id}");

        Assert.Equal(HttpStatusCode.Forbidden, added.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, renamed.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
    }

    [Fact]
    public async Task The_library_needs_an_api_key()
    {
        using var anonymous = service.Anonymous();

        using var response = await anonymous.GetAsync(BrandLibraryRequests.Palettes);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Invalid_entries_are_refused_naming_the_field_in_the_v3_vocabulary()
    {
        var admin = await service.NewAccountAsync("admin");

        using var badCode = await admin.Http.PostAsJsonAsync(BrandLibraryRequests.StyleCodes, new { name = "Codes", codes = new[] { "1A2B3C4D", "nope" } });
        using var badColour = await admin.Http.PostAsJsonAsync(BrandLibraryRequests.Palettes, new { name = "Colours", palette = new { members = new object[] { "#1B365D", new { color = "blue", weight = 0.5 } } } });
        using var badWeight = await admin.Http.PostAsJsonAsync(BrandLibraryRequests.Palettes, new { name = "Weights", palette = new { members = new[] { new { color = "#1B365D", weight = 2.0 } } } });
        using var badPreset = await admin.Http.PostAsJsonAsync(BrandLibraryRequests.Palettes, new { name = "Preset", palette = new { name = "NEON" } });
        using var noName = await admin.Http.PostAsJsonAsync(BrandLibraryRequests.Palettes, new { name = " ", palette = new { name = "PASTEL" } });

        Assert.Contains("codes[1]", (await badCode.ReadProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
        Assert.Contains("palette.members[1]", (await badColour.ReadProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
        Assert.Contains("palette.members[0].weight", (await badWeight.ReadProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
        Assert.Contains("palette.name", (await badPreset.ReadProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
        Assert.Contains("name", (await noName.ReadProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
    }

    [Fact]
    public async Task A_preset_palette_is_saved_and_renamed_and_a_taken_name_is_refused()
    {
        var admin = await service.NewAccountAsync("admin");
        using var created = await admin.Http.PostAsJsonAsync(BrandLibraryRequests.Palettes, new { name = "Soft", palette = new { name = "PASTEL" } });
        var id = (await created.ReadJsonAsync(HttpStatusCode.Created))["id"]!.GetValue<long>();
        await admin.AddPaletteAsync("Taken", "#000000");

        using var renamed = await admin.Http.PutAsJsonAsync($"{BrandLibraryRequests.Palettes}/{id}", new { name = "Softer", palette = new { name = "EMBER" } });
        using var clash = await admin.Http.PutAsJsonAsync($"{BrandLibraryRequests.Palettes}/{id}", new { name = "Taken", palette = new { name = "EMBER" } });

        var saved = await renamed.ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal("Softer", saved["name"]!.GetValue<string>());
        Assert.Equal("EMBER", saved["palette"]!["name"]!.GetValue<string>());
        Assert.Contains("name", (await clash.ReadProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
    }

    [Fact]
    public async Task The_same_image_saved_twice_is_stored_once_and_served_back()
    {
        var admin = await service.NewAccountAsync("admin");

        var first = await admin.AddStyleReferenceAsync("Moodboard", BrandLibraryRequests.Png);
        var second = await admin.AddStyleReferenceAsync("Moodboard copy", BrandLibraryRequests.Png);

        Assert.NotEqual(first, second);
        Assert.Equal(1, await service.Database.CountAsync($"SELECT COUNT(*) FROM ideogram_brand_images WHERE account_id = '{admin.AccountId}'"));
        using var image = await admin.Http.GetAsync($"{BrandLibraryRequests.StyleReferences}/{second}/image");
        Assert.Equal("image/png", image.Content.Headers.ContentType!.MediaType);
        Assert.Equal(BrandLibraryRequests.Png, await image.Content.ReadAsByteArrayAsync());

        using var deleted = await admin.Http.DeleteAsync($"{BrandLibraryRequests.StyleReferences}/{first}");
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(1, await service.Database.CountAsync($"SELECT COUNT(*) FROM ideogram_brand_images WHERE account_id = '{admin.AccountId}'"));
        using var last = await admin.Http.DeleteAsync($"{BrandLibraryRequests.StyleReferences}/{second}");
        Assert.Equal(HttpStatusCode.NoContent, last.StatusCode);
        Assert.Equal(0, await service.Database.CountAsync($"SELECT COUNT(*) FROM ideogram_brand_images WHERE account_id = '{admin.AccountId}'"));
    }

    [Fact]
    public async Task A_file_that_is_not_an_image_is_refused_with_415_and_a_missing_file_names_the_field()
    {
        var admin = await service.NewAccountAsync("admin");

        using var text = await admin.Http.PostAsync(BrandLibraryRequests.StyleReferences, BrandLibraryRequests.ImageForm("Notes", "just text"u8.ToArray(), "notes.png"));
        using var none = await admin.Http.PostAsync(BrandLibraryRequests.StyleReferences, new MultipartFormDataContent { { new StringContent("Empty"), "name" } });

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, text.StatusCode);
        Assert.Contains("image", (await none.ReadProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
        Assert.Equal(0, await service.Database.CountAsync($"SELECT COUNT(*) FROM ideogram_brand_assets WHERE account_id = '{admin.AccountId}'"));
    }

    [Fact]
    public async Task Another_accounts_entry_is_not_found()
    {
        var owner = await service.NewAccountAsync("admin");
        var stranger = await service.NewAccountAsync("admin");
        var id = await owner.AddPaletteAsync("Private", "#123456");

        using var read = await stranger.Http.GetAsync($"{BrandLibraryRequests.Palettes}/{id}");
        using var deleted = await stranger.Http.DeleteAsync($"{BrandLibraryRequests.Palettes}/{id}");

        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, deleted.StatusCode);
        Assert.Equal(1, await service.Database.CountAsync($"SELECT COUNT(*) FROM ideogram_brand_assets WHERE asset_id = {id}"));
    }

    [Fact]
    public async Task Deleting_a_palette_a_job_type_uses_is_refused_with_409_naming_the_job_type()
    {
        var admin = await service.NewAccountAsync("admin");
        var id = await admin.AddPaletteAsync("Launch colours", "#1B365D", "#F4F4F4");
        var jobType = JobTypeRequests.UniqueName();
        var draft = JobTypeRequests.Draft(jobType);
        draft["defaultSettings"]!["colorPalette"] = new JsonObject { ["name"] = $"brand:{id}" };
        using (var created = await admin.Http.PostAsJsonAsync(JobTypeRequests.Base, draft))
        {
            await created.ReadJsonAsync(HttpStatusCode.Created);
        }

        using var refused = await admin.Http.DeleteAsync($"{BrandLibraryRequests.Palettes}/{id}");

        var problem = await refused.ReadProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal([jobType], problem["jobTypes"]!.AsArray().Select(n => n!.GetValue<string>()));
        Assert.Contains(jobType, problem["detail"]!.GetValue<string>());
        Assert.Equal(1, await service.Database.CountAsync($"SELECT COUNT(*) FROM ideogram_brand_assets WHERE asset_id = {id}"));
    }

    [Fact]
    public async Task A_job_type_whose_defaults_name_library_entries_sends_their_values_and_records_them()
    {
        var admin = await service.NewAccountAsync("admin");
        var user = await service.KeyAsync(admin, "user");
        var palette = await admin.AddPaletteAsync("Brand colours", "#1B365D", "#F4F4F4");
        var codes = await admin.AddStyleCodesAsync("Brand style", "1A2B3C4D", "0F0F0F0F");
        var jobType = JobTypeRequests.UniqueName();
        var draft = JobTypeRequests.Draft(jobType, numImages: 1);
        var defaults = draft["defaultSettings"]!.AsObject();
        defaults.Remove("styleType");
        defaults["colorPalette"] = new JsonObject { ["name"] = $"brand:{palette}" };
        defaults["styleCodes"] = new JsonArray($"brand:{codes}");
        using (var created = await admin.Http.PostAsJsonAsync(JobTypeRequests.Base, draft))
        {
            await created.ReadJsonAsync(HttpStatusCode.Created);
        }

        var prompt = "a harbour at dawn " + Guid.NewGuid().ToString("N")[..8];
        var jobId = await user.ExecuteAsync(jobType, prompt);
        await user.WaitForAsync(jobId, "completed");

        var fields = await service.SentFieldsAsync(prompt);
        Assert.Equal(["1A2B3C4D", "0F0F0F0F"], fields.Where(f => f!["name"]!.GetValue<string>() == "style_codes").Select(f => f!["value"]!.GetValue<string>()));
        var sentPalette = JsonNode.Parse(fields.Single(f => f!["name"]!.GetValue<string>() == "color_palette")!["value"]!.GetValue<string>())!;
        Assert.Equal(["#1B365D", "#F4F4F4"], sentPalette["members"]!.AsArray().Select(m => m!["color_hex"]!.GetValue<string>()));
        var recorded = (await service.Database.QueryAsync($"SELECT final_settings FROM ssnews_job_execution_settings WHERE job_id = {jobId}"))[0]["final_settings"];
        Assert.DoesNotContain("brand:", recorded);
        Assert.Contains("1A2B3C4D", recorded);
    }

    [Fact]
    public async Task A_run_naming_a_library_image_sends_its_bytes_as_a_style_reference()
    {
        var admin = await service.NewAccountAsync("admin");
        var image = await admin.AddStyleReferenceAsync("Moodboard", BrandLibraryRequests.Png);
        var prompt = "a lighthouse " + Guid.NewGuid().ToString("N")[..8];

        var jobId = await admin.ExecuteAsync("blog_header", prompt, new { numImages = 1, styleType = "GENERAL", styleCodes = Array.Empty<string>(), styleReferenceImages = new[] { $"brand:{image}" } });
        await admin.WaitForAsync(jobId, "completed");

        var fields = await service.SentFieldsAsync(prompt);
        Assert.Equal(["image/png"], fields.Where(f => f!["name"]!.GetValue<string>() == "style_reference_images").Select(f => f!["contentType"]!.GetValue<string>()));
        Assert.Equal(1, await service.Database.CountAsync($"SELECT COUNT(*) FROM ssnews_job_style_references WHERE job_id = {jobId}"));
    }

    [Fact]
    public async Task A_run_naming_a_missing_library_entry_is_refused_naming_the_field()
    {
        var admin = await service.NewAccountAsync("admin");

        using var response = await admin.Http.PostAsJsonAsync("/api/jobs/execute", new { jobType = "blog_header", prompt = "a lantern", overrides = new { colorPalette = new { name = "brand:999999999" } } });

        Assert.Contains("colorPalette.name", (await response.ReadProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
        Assert.Equal(0, await service.Database.CountAsync($"SELECT COUNT(*) FROM ssnews_jobs WHERE account_id = '{admin.AccountId}'"));
    }
}
