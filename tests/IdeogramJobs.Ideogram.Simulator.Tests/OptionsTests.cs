using IdeogramJobs.Ideogram.Simulator.Tests.Infrastructure;
using IdeogramJobs.Testing.Simulator;
using Microsoft.Extensions.Options;

namespace IdeogramJobs.Ideogram.Simulator.Tests;

/// <summary>Settings come from SIMULATOR_* names and invalid ones stop the start with a message naming the variable.</summary>
public sealed class OptionsTests
{
    [Theory]
    [InlineData("SIMULATOR_INFLIGHT_LIMIT")]
    [InlineData("SIMULATOR_LATENCY_SCALE")]
    [InlineData("SIMULATOR_FAILURE_RATE_503")]
    [InlineData("SIMULATOR_IMAGE_URL_TTL_SECONDS")]
    [InlineData("SIMULATOR_IMAGE_SCALE")]
    public async Task An_invalid_setting_stops_the_start_naming_its_variable(string variable)
    {
        var exception = await Assert.ThrowsAsync<OptionsValidationException>(() => SimulatorHost.StartAsync(options =>
        {
            switch (variable)
            {
                case "SIMULATOR_INFLIGHT_LIMIT":
                    options.InflightLimit = 0;
                    break;
                case "SIMULATOR_LATENCY_SCALE":
                    options.LatencyScale = -1;
                    break;
                case "SIMULATOR_FAILURE_RATE_503":
                    options.FailureRate503 = 1.5;
                    break;
                case "SIMULATOR_IMAGE_URL_TTL_SECONDS":
                    options.ImageUrlTtlSeconds = 0;
                    break;
                case "SIMULATOR_IMAGE_SCALE":
                    options.ImageScale = 0;
                    break;
            }
        }));

        Assert.Contains(variable, exception.Message);
    }

    [Fact]
    public async Task A_non_loopback_address_stops_the_start_naming_SIMULATOR_URLS()
    {
        var exception = await Assert.ThrowsAsync<OptionsValidationException>(() =>
            SimulatorHost.StartAsync(options => options.Urls = "http://0.0.0.0:0"));

        Assert.Contains("SIMULATOR_URLS", exception.Message);
    }

    [Fact]
    public async Task Settings_bind_from_their_SIMULATOR_names()
    {
        await using var simulator = await SimulatorHost.StartAsync(args:
        [
            "--SIMULATOR_INFLIGHT_LIMIT=7",
            "--SIMULATOR_SAFETY_MARKER=NSFW",
            "--SIMULATOR_FAILURE_RATE_429=0.25",
            "--SIMULATOR_RETRY_AFTER_SECONDS=4",
            "--SIMULATOR_SEED=5",
        ]);

        var config = await simulator.GetJsonAsync("/_simulator/config");
        Assert.Equal(7, config.GetProperty("inflightLimit").GetInt32());
        Assert.Equal("NSFW", config.GetProperty("safetyMarker").GetString());
        Assert.Equal(0.25, config.GetProperty("failureRates").GetProperty("rateLimited").GetDouble());
        Assert.Equal(4, config.GetProperty("retryAfterSeconds").GetInt32());
        Assert.Equal(5, config.GetProperty("seed").GetInt32());
    }

    [Fact]
    public async Task Build_with_a_urls_argument_listens_there_and_reports_the_bound_port_in_Urls()
    {
        await using var app = SimulatorApp.Build(["--urls", "http://127.0.0.1:0"], options => options.LatencyScale = 0);
        await app.StartAsync();

        var address = new Uri(Assert.Single(app.Urls));
        Assert.Equal("127.0.0.1", address.Host);
        Assert.NotEqual(0, address.Port);
        using var client = new HttpClient { BaseAddress = address };
        using var response = await client.GetAsync("/_simulator/config");
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        await app.StopAsync();
    }

    [Fact]
    public async Task Defaults_match_Ideogram_s_published_limits()
    {
        await using var simulator = await SimulatorHost.StartAsync();

        var config = await simulator.GetJsonAsync("/_simulator/config");
        Assert.Equal(10, config.GetProperty("inflightLimit").GetInt32());
        Assert.Equal("UNSAFE", config.GetProperty("safetyMarker").GetString());
        Assert.Equal(3600, config.GetProperty("imageUrlTtlSeconds").GetInt32());
        Assert.Equal(600, config.GetProperty("hangSeconds").GetInt32());
        Assert.Equal(1, config.GetProperty("imageScale").GetInt32());
    }
}
