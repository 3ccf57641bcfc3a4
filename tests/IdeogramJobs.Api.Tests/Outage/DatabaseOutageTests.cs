using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using IdeogramJobs.Testing;

namespace IdeogramJobs.Api.Tests.Outage;

/// <summary>
/// An API whose database refuses connections (DATABASE_URL names a loopback port where nothing
/// listens): every request that needs the database is told so at once, with a 503 problem and
/// Retry-After, and nothing of the connection string leaks into the answer.
/// </summary>
public sealed class DatabaseOutageTests
{
    private const string Password = "Outage-Secret-91";
    private const string Title = "The database is unavailable.";
    private static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan StartUp = TimeSpan.FromSeconds(90);

    /// <summary>Far below the Orleans call timeout (30 s) and the driver's own default (15 s): the answer does not hang.</summary>
    private static readonly TimeSpan FastAnswer = TimeSpan.FromSeconds(3);

    [Fact]
    public async Task Requests_needing_the_database_answer_503_with_retry_after_while_it_refuses_connections()
    {
        var deadPort = FreePort.Next();
        await using var service = await StartWithoutDatabaseAsync(deadPort);
        service.Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "ijk_outage_" + Guid.NewGuid().ToString("N"));

        var requests = new Func<Task<HttpResponseMessage>>[]
        {
            () => service.Http.PostAsJsonAsync("/api/jobs/execute", new { jobType = "blog_header", prompt = "a lighthouse at dusk" }),
            () => service.Http.GetAsync("/api/jobs/1/status"),
            () => service.Http.GetAsync("/api/jobs"),
            () => service.Http.PostAsync("/api/jobs/1/cancel", null),
        };
        foreach (var send in requests)
        {
            var clock = Stopwatch.StartNew();
            using var response = await send();
            clock.Stop();
            var body = await response.Content.ReadAsStringAsync();

            Assert.True(response.StatusCode == HttpStatusCode.ServiceUnavailable, $"{response.RequestMessage!.Method} {response.RequestMessage.RequestUri} answered {(int)response.StatusCode}: {body}");
            Assert.True(clock.Elapsed < FastAnswer, $"{response.RequestMessage.RequestUri} took {clock.Elapsed.TotalSeconds:0.0} s");
            Assert.Equal(RetryAfter, response.Headers.RetryAfter?.Delta);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            var problem = JsonNode.Parse(body)!;
            Assert.Equal(503, problem["status"]!.GetValue<int>());
            Assert.Equal(Title, problem["title"]!.GetValue<string>());
            Assert.False(string.IsNullOrEmpty(problem["type"]?.GetValue<string>()));
            Assert.DoesNotContain(Password, body);
            Assert.DoesNotContain("127.0.0.1", body);
            Assert.DoesNotContain(deadPort.ToString(), body);
        }
    }

    [Fact]
    public async Task Readiness_is_503_naming_the_database_while_it_refuses_connections()
    {
        await using var service = await StartWithoutDatabaseAsync(FreePort.Next());

        var clock = Stopwatch.StartNew();
        using var response = await service.Http.GetAsync("/health/ready");
        clock.Stop();
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains("database", body["failing"]!.AsArray().Select(n => n!.GetValue<string>()));
        Assert.True(clock.Elapsed < FastAnswer + FastAnswer, $"/health/ready took {clock.Elapsed.TotalSeconds:0.0} s");
    }

    private static async Task<RunningService> StartWithoutDatabaseAsync(int deadPort)
    {
        var service = await RunningService.CreateAsync();
        service.StartApi(new Dictionary<string, string?>
        {
            ["DATABASE_URL"] = $"mysql://ideogramjobs:{Password}@127.0.0.1:{deadPort}/c360req",
        });
        try
        {
            await Eventually.Until(async () => (await service.Http.GetAsync("/health/live")).IsSuccessStatusCode, StartUp, "the API to answer /health/live");
        }
        catch (TimeoutException e)
        {
            var output = service.Output;
            await service.DisposeAsync();
            throw new TimeoutException(e.Message + Environment.NewLine + output);
        }

        return service;
    }
}
