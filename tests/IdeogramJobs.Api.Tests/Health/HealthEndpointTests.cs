using System.Net;
using System.Text.Json.Nodes;
using IdeogramJobs.Testing;

namespace IdeogramJobs.Api.Tests.Health;

public sealed class HealthEndpointTests
{
    private static readonly TimeSpan StartUp = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task Health_is_503_naming_the_cluster_when_no_silo_runs()
    {
        await using var service = await RunningService.CreateAsync();
        service.StartApi();

        var (status, body) = await WaitForHealthAsync(service, s => s == HttpStatusCode.ServiceUnavailable, "the API to answer /health with 503");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal(["cluster"], body["failing"]!.AsArray().Select(n => n!.GetValue<string>()));
        Assert.Equal("Healthy", body["checks"]!["database"]!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Health_is_200_with_a_silo_up_and_503_again_once_it_stops()
    {
        await using var service = await RunningService.CreateAsync();
        var silo = service.StartSilo();
        service.StartApi();

        var (status, body) = await WaitForHealthAsync(service, s => s == HttpStatusCode.OK, "/health to be 200 with one silo up");
        Assert.Equal("Healthy", body["checks"]!["cluster"]!["status"]!.GetValue<string>());
        Assert.Empty(body["failing"]!.AsArray());

        await silo.StopAsync(TimeSpan.FromSeconds(60));
        Assert.Equal(0, silo.ExitCode);

        (status, body) = await WaitForHealthAsync(service, s => s == HttpStatusCode.ServiceUnavailable, "/health to be 503 after the only silo stopped");
        Assert.Equal(["cluster"], body["failing"]!.AsArray().Select(n => n!.GetValue<string>()));
    }

    [Fact]
    public async Task The_openapi_document_is_served()
    {
        await using var service = await RunningService.CreateAsync();
        service.StartApi();

        var document = await Eventually.Until(
            async () => JsonNode.Parse(await service.Http.GetStringAsync("/openapi/v1.json")),
            d => d is not null,
            StartUp,
            "the API to serve /openapi/v1.json");

        Assert.StartsWith("3.", document!["openapi"]!.GetValue<string>());
    }

    private static async Task<(HttpStatusCode Status, JsonNode Body)> WaitForHealthAsync(RunningService service, Func<HttpStatusCode, bool> wanted, string awaited)
    {
        try
        {
            return await Eventually.Until(
                async () =>
                {
                    using var response = await service.Http.GetAsync("/health");
                    return (response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync())!);
                },
                r => wanted(r.StatusCode),
                StartUp,
                awaited,
                TimeSpan.FromMilliseconds(500));
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException(e.Message + Environment.NewLine + service.Output);
        }
    }
}
