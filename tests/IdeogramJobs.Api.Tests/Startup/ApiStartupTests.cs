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
}
