using IdeogramJobs.Database.Migrations;
using IdeogramJobs.Testing;

namespace IdeogramJobs.Api.Tests.Startup;

public sealed class SiloStartupTests
{
    private static readonly TimeSpan Exit = TimeSpan.FromSeconds(60);

    [Theory]
    [InlineData("DATABASE_URL", "postgres://user:pw@localhost/db", "is not a mysql:// URL")]
    [InlineData("DATABASE_URL", "mysql://user:pw@localhost:3306/", "names no database")]
    [InlineData("DATABASE_URL", null, "is not set")]
    public async Task A_malformed_database_url_stops_the_silo_at_start_naming_the_variable(string variable, string? value, string problem)
    {
        await using var silo = ServiceProcess.Start("silo/IdeogramJobs.Silo", new Dictionary<string, string?> { [variable] = value });

        var exitCode = await silo.WaitForExitAsync(Exit, "the silo to refuse its configuration and exit");

        Assert.Equal(2, exitCode);
        Assert.Contains($"{variable} {problem}", silo.Output);
        Assert.DoesNotContain("pw@", silo.Output);
    }

    [Fact]
    public async Task A_malformed_c360req_database_url_stops_the_silo_naming_that_variable()
    {
        await using var silo = ServiceProcess.Start("silo/IdeogramJobs.Silo", new Dictionary<string, string?>
        {
            ["DATABASE_URL"] = "mysql://user:pw@127.0.0.1:1/orleans",
            ["C360REQ_DATABASE_URL"] = "c360req",
        });

        Assert.Equal(2, await silo.WaitForExitAsync(Exit, "the silo to refuse C360REQ_DATABASE_URL and exit"));
        Assert.Contains("C360REQ_DATABASE_URL is not a mysql:// URL", silo.Output);
    }

    [Theory]
    [InlineData("SILO_HTTP_PORT", "70000", "SILO_HTTP_PORT must be a port number")]
    [InlineData("OTEL_EXPORTER_OTLP_ENDPOINT", "collector:4317", "OTEL_EXPORTER_OTLP_ENDPOINT must be an absolute http or https URL")]
    public async Task A_malformed_operations_setting_stops_the_silo_naming_the_variable(string variable, string value, string message)
    {
        await using var silo = ServiceProcess.Start("silo/IdeogramJobs.Silo", new Dictionary<string, string?>
        {
            ["DATABASE_URL"] = "mysql://user:pw@127.0.0.1:1/orleans",
            ["MIGRATE_ON_START"] = "false",
            ["IDEOGRAM_API_KEY"] = "startup-test-key",
            [variable] = value,
        });

        Assert.Equal(2, await silo.WaitForExitAsync(Exit, $"the silo to refuse {variable} and exit"));
        Assert.Contains(message, silo.Output);
    }

    [Fact]
    public async Task The_migrate_command_brings_an_empty_database_up_to_date_and_exits()
    {
        await using var database = new TestDatabase();
        await database.InitializeAsync();

        await using var silo = ServiceProcess.Start("silo/IdeogramJobs.Silo", new Dictionary<string, string?> { ["DATABASE_URL"] = database.Url }, "migrate");

        Assert.Equal(0, await silo.WaitForExitAsync(Exit, "the migrate command to finish"));
        Assert.Equal(MigrationSet.C360Req.Versions, await database.RecordedVersionsAsync(MigrationSet.C360Req));
        Assert.Equal(MigrationSet.Orleans.Versions, await database.RecordedVersionsAsync(MigrationSet.Orleans));
    }
}
