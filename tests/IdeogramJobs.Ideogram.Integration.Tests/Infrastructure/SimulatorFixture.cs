using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using IdeogramJobs.Ideogram.Simulator;
using IdeogramJobs.Ideogram.Simulator.Options;
using IdeogramJobs.Ideogram.Simulator.Stats;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace IdeogramJobs.Ideogram.Integration.Tests.Infrastructure;

/// <summary>
/// One simulator per test class, in-process on a real socket (http://127.0.0.1, port 0), with
/// helpers for its control endpoints. Tests call <see cref="RestoreBaselineAsync"/> first so that
/// settings and counters left by an earlier test of the class never leak into the next.
/// </summary>
public class SimulatorFixture : IAsyncLifetime
{
    public const string SafetyMarker = "UNSAFE";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static readonly KeyStatistics NoActivity = new(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    private WebApplication? app;
    private HttpClient? control;

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>Everything the simulator logged.</summary>
    public CapturingLoggerProvider Logs { get; } = new();

    private HttpClient Control => control ?? throw new InvalidOperationException("The simulator has not started.");

    public async Task InitializeAsync()
    {
        app = SimulatorApp.Build(
            [],
            options =>
            {
                options.Urls = "http://127.0.0.1:0";
                options.ListenBeyondLoopback = false;
                options.LatencyScale = 0;
                // Explicit, so SIMULATOR_* variables in the environment cannot change what is tested.
                options.ApiKeys = "";
                options.ImageScale = 1;
                options.SafetyMarker = SafetyMarker;
                Configure(options);
            },
            builder =>
            {
                builder.Logging.ClearProviders();
                builder.Logging.AddProvider(Logs);
                builder.Logging.SetMinimumLevel(LogLevel.Trace);
            });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        BaseAddress = new Uri(address);
        control = new HttpClient { BaseAddress = BaseAddress, Timeout = BoundedWait.CallLimit };
    }

    public async Task DisposeAsync()
    {
        control?.Dispose();
        if (app is not null)
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    /// <summary>Start-only settings (those <c>PUT /_simulator/config</c> cannot change), for derived fixtures.</summary>
    protected virtual void Configure(SimulatorOptions options)
    {
    }

    /// <summary>Every run-time setting back to the baseline (no latency, no injected failures), then counters and captures cleared.</summary>
    public async Task RestoreBaselineAsync()
    {
        await ConfigureAsync(new
        {
            latencyScale = 0,
            inflightLimit = 10,
            failureRates = new { rateLimited = 0.0, serverError = 0.0, serviceUnavailable = 0.0, hang = 0.0 },
            retryAfterSeconds = (int?)null,
            safetyMarker = SafetyMarker,
            imageUrlTtlSeconds = 3600,
            seed = 1,
            hangSeconds = 600,
        });
        await ResetAsync();
    }

    /// <summary><c>PUT /_simulator/config</c> with the given subset of settings; fails the test if refused.</summary>
    public async Task ConfigureAsync(object settings)
    {
        using var content = new StringContent(JsonSerializer.Serialize(settings, Json), Encoding.UTF8, "application/json");
        using var response = await Control.PutAsync("/_simulator/config", content);
        Assert.True(response.IsSuccessStatusCode,
            $"PUT /_simulator/config answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary><c>POST /_simulator/reset</c>: counters and captured requests cleared, the failure sequence restarted from the seed.</summary>
    public async Task ResetAsync()
    {
        using var response = await Control.PostAsync("/_simulator/reset", null);
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
    }

    /// <summary>The counters of one key (all zero when the simulator has not counted it).</summary>
    public async Task<KeyStatistics> StatsForAsync(string apiKey)
    {
        var snapshot = await Control.GetFromJsonAsync<StatsSnapshot>("/_simulator/stats", Json)
            ?? throw new InvalidOperationException("GET /_simulator/stats answered null.");
        return snapshot.Keys.GetValueOrDefault(KeyFingerprint.Of(apiKey), NoActivity);
    }

    /// <summary>The generate requests the simulator captured from one key, oldest first.</summary>
    public async Task<IReadOnlyList<CapturedRequest>> RequestsFromAsync(string apiKey)
    {
        var captured = await Control.GetFromJsonAsync<List<CapturedRequest>>("/_simulator/requests", Json)
            ?? throw new InvalidOperationException("GET /_simulator/requests answered null.");
        var fingerprint = KeyFingerprint.Of(apiKey);
        return captured.Where(r => r.Fingerprint == fingerprint).ToList();
    }

    /// <summary>A control endpoint's body as text, exactly as served.</summary>
    public Task<string> GetTextAsync(string path) => Control.GetStringAsync(path);

    /// <summary>Sends a minimal generate request straight to the simulator, bypassing the client, and returns its status.</summary>
    public async Task<HttpStatusCode> SendProbeAsync(string apiKey)
    {
        using var form = new MultipartFormDataContent { { new StringContent("A probe"), "\"prompt\"" } };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/ideogram-v3/generate") { Content = form };
        request.Headers.TryAddWithoutValidation("Api-Key", apiKey);
        using var response = await Control.SendAsync(request);
        return response.StatusCode;
    }
}
