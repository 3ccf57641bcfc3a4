using IdeogramJobs.Testing;

namespace IdeogramJobs.Api.Tests.Startup;

public sealed class ApiStartupTests
{
    private static readonly TimeSpan Exit = TimeSpan.FromSeconds(60);

    [Theory]
    [InlineData("0")]
    [InlineData("61")]
    [InlineData("-5")]
    [InlineData("soon")]
    public async Task An_unusable_heartbeat_interval_stops_the_api_at_start_naming_the_variable(string value)
    {
        await using var api = ServiceProcess.Start("api/IdeogramJobs.Api", new Dictionary<string, string?>
        {
            ["DATABASE_URL"] = "mysql://user:pw@127.0.0.1:1/ideogramjobs",
            ["API_PORT"] = FreePort.Next().ToString(),
            ["ADMIN_API_KEY"] = "ijk_startup_" + Guid.NewGuid().ToString("N"),
            ["SSE_HEARTBEAT_SECONDS"] = value,
        });

        var exitCode = await api.WaitForExitAsync(Exit, $"the API to refuse SSE_HEARTBEAT_SECONDS={value} and exit");

        Assert.NotEqual(0, exitCode);
        Assert.Contains("SSE_HEARTBEAT_SECONDS", api.Output);
    }

    [Fact]
    public async Task Without_ORLEANS_DASHBOARD_there_is_no_dashboard_even_for_the_admin_key()
    {
        var port = FreePort.Next();
        var adminKey = "ijk_startup_" + Guid.NewGuid().ToString("N");
        await using var api = ServiceProcess.Start("api/IdeogramJobs.Api", new Dictionary<string, string?>
        {
            // No database and no silo: the API listens all the same, and answers what needs neither.
            ["DATABASE_URL"] = "mysql://user:pw@127.0.0.1:1/ideogramjobs",
            ["API_PORT"] = port.ToString(),
            ["ADMIN_API_KEY"] = adminKey,
        });
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        http.DefaultRequestHeaders.Authorization = new("Bearer", adminKey);
        await Eventually.Until(() => Answers(http, "/health/live"), Exit, "the API to answer /health/live");

        using var response = await http.GetAsync("/dashboard/");

        Assert.Equal(System.Net.HttpStatusCode.NotFound, response.StatusCode);
    }

    private static async Task<bool> Answers(HttpClient http, string path)
    {
        using var response = await http.GetAsync(path);
        return response.IsSuccessStatusCode;
    }
}
