using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using IdeogramJobs.Api.Tests.Infrastructure;

namespace IdeogramJobs.Api.Tests.Robustness;

/// <summary>
/// Real things for malformed requests to aim at, so that they reach the handlers rather than stop
/// at "not found": an account-admin key with a finished job, its image and a job type, and a second
/// account that the service-admin routes act on (and may deactivate) without disturbing the first.
/// </summary>
public sealed record HostileTargets(
    string AccountKey,
    string AdminKey,
    long JobId,
    long ImageId,
    string MediaPath,
    int ConfigId,
    string OtherAccountId,
    long OtherKeyId)
{
    public static async Task<HostileTargets> PrepareAsync(ServiceFixture service)
    {
        var account = await service.NewAccountAsync("admin");
        var jobId = await account.ExecuteAsync("blog_header", "a hostile test's harbour", new { numImages = 1 });
        await account.WaitForAsync(jobId, "completed");
        var image = JsonNode.Parse(await account.Http.GetStringAsync($"/api/images?jobId={jobId}"))!["items"]![0]!;
        var configurations = JsonNode.Parse(await account.Http.GetStringAsync("/api/jobs/configurations"))!;

        var other = await service.NewAccountAsync();
        var keys = (await service.Admin.GetFromJsonAsync<JsonArray>($"/api/admin/accounts/{other.AccountId}/keys"))!;

        return new HostileTargets(
            account.Key,
            service.AdminKey,
            jobId,
            image["imageId"]!.GetValue<long>(),
            new Uri(service.ApiBase, image["url"]!.GetValue<string>()).AbsolutePath,
            configurations["items"]![0]!["configId"]!.GetValue<int>(),
            other.AccountId,
            keys[0]!["keyId"]!.GetValue<long>());
    }

    /// <summary>The key a path needs: the service admin's under /api/admin, the account's elsewhere under /api.</summary>
    public string? KeyFor(string path) =>
        path.StartsWith("/api/admin", StringComparison.Ordinal) ? AdminKey
        : path.StartsWith("/api/", StringComparison.Ordinal) ? AccountKey
        : null;

    /// <summary>A value of a path parameter that names something real.</summary>
    public string RealValue(string parameter) => parameter.TrimStart('*') switch
    {
        "jobId" => JobId.ToString(CultureInfo.InvariantCulture),
        "imageId" => ImageId.ToString(CultureInfo.InvariantCulture),
        "configId" => ConfigId.ToString(CultureInfo.InvariantCulture),
        "accountId" => OtherAccountId,
        "keyId" => OtherKeyId.ToString(CultureInfo.InvariantCulture),
        "path" => MediaPath.TrimStart('/').Split('/', 2)[1],
        _ => "1",
    };
}
