using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using IdeogramJobs.Api.Tests.Authentication;
using IdeogramJobs.Api.Tests.Infrastructure;

namespace IdeogramJobs.Api.Tests.Brand;

/// <summary>Adding brand library entries and reading what the simulator was sent, for the brand tests.</summary>
public static class BrandLibraryRequests
{
    public const string StyleCodes = "/api/brand/style-codes";
    public const string Palettes = "/api/brand/palettes";
    public const string StyleReferences = "/api/brand/style-references";

    public static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    public static async Task<long> AddPaletteAsync(this TestAccount admin, string name, params string[] colours)
    {
        using var response = await admin.Http.PostAsJsonAsync(Palettes, new { name, palette = new { members = colours } });
        return (await response.ReadJsonAsync(HttpStatusCode.Created))["id"]!.GetValue<long>();
    }

    public static async Task<long> AddStyleCodesAsync(this TestAccount admin, string name, params string[] codes)
    {
        using var response = await admin.Http.PostAsJsonAsync(StyleCodes, new { name, codes });
        return (await response.ReadJsonAsync(HttpStatusCode.Created))["id"]!.GetValue<long>();
    }

    public static MultipartFormDataContent ImageForm(string name, byte[] content, string fileName = "brand.png")
    {
        var part = new ByteArrayContent(content);
        part.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        return new MultipartFormDataContent { { new StringContent(name), "name" }, { part, "image", fileName } };
    }

    public static async Task<long> AddStyleReferenceAsync(this TestAccount admin, string name, byte[] content)
    {
        using var response = await admin.Http.PostAsync(StyleReferences, ImageForm(name, content));
        return (await response.ReadJsonAsync(HttpStatusCode.Created))["id"]!.GetValue<long>();
    }

    /// <summary>A key of another role for the same account.</summary>
    public static async Task<TestAccount> KeyAsync(this ServiceFixture service, TestAccount account, string role)
    {
        using var issued = await service.Admin.PostAsJsonAsync($"/api/admin/accounts/{account.AccountId}/keys", new { name = "brand-tests", role });
        var key = (await issued.ReadJsonAsync(HttpStatusCode.Created))["key"]!.GetValue<string>();
        return account with { Key = key, Http = service.Client(key) };
    }

    /// <summary>The fields of the last request the simulator received whose prompt contains <paramref name="prompt"/>.</summary>
    public static async Task<JsonArray> SentFieldsAsync(this ServiceFixture service, string prompt)
    {
        var requests = JsonNode.Parse(await service.Simulator.GetStringAsync("/_simulator/requests"))!.AsArray();
        var sent = requests.Last(r => r!["fields"]!.AsArray().Any(f => f!["name"]!.GetValue<string>() == "prompt" && f["value"]!.GetValue<string>().Contains(prompt, StringComparison.Ordinal)))!;
        return sent["fields"]!.AsArray();
    }
}
