using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using IdeogramJobs.Ideogram.Simulator;
using IdeogramJobs.Ideogram.Simulator.Options;
using IdeogramJobs.Ideogram.Simulator.Stats;
using IdeogramJobs.Testing.Logging;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit;

namespace IdeogramJobs.Testing.Simulator;

/// <summary>
/// The Ideogram simulator in-process on a real socket (127.0.0.1, port 0), with no latency unless a test asks
/// for it, every log entry captured, a client for it, and helpers for its provider and control endpoints.
/// </summary>
public sealed class SimulatorHost : IAsyncDisposable
{
    public const string DefaultKey = "test-key-0001";

    /// <summary>The prompt word the simulator answers as unsafe.</summary>
    public const string SafetyMarker = "UNSAFE";

    private static readonly TimeSpan WaitLimit = TimeSpan.FromSeconds(15);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static readonly KeyStatistics NoActivity = new(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    private readonly WebApplication app;

    private SimulatorHost(WebApplication app, Uri baseAddress, CapturingLoggerProvider logs, TimeSpan? clientTimeout)
    {
        this.app = app;
        BaseAddress = baseAddress;
        Logs = logs;
        Client = new HttpClient { BaseAddress = baseAddress };
        if (clientTimeout is { } timeout)
        {
            Client.Timeout = timeout;
        }
    }

    public Uri BaseAddress { get; }

    public HttpClient Client { get; }

    /// <summary>Everything the simulator logged, at every level.</summary>
    public CapturingLoggerProvider Logs { get; }

    /// <param name="configure">Settings at start, after the host's own (loopback port 0, no latency).</param>
    /// <param name="services">Changes to the simulator's services.</param>
    /// <param name="args">Command-line arguments for the simulator.</param>
    /// <param name="clientTimeout">The timeout of <see cref="Client"/>; HttpClient's default when null.</param>
    public static async Task<SimulatorHost> StartAsync(
        Action<SimulatorOptions>? configure = null,
        Action<IServiceCollection>? services = null,
        string[]? args = null,
        TimeSpan? clientTimeout = null)
    {
        var logs = new CapturingLoggerProvider();
        var app = SimulatorApp.Build(
            args ?? [],
            options =>
            {
                options.Urls = "http://127.0.0.1:0";
                options.LatencyScale = 0;
                configure?.Invoke(options);
            },
            builder =>
            {
                builder.Logging.ClearProviders();
                builder.Logging.AddProvider(logs);
                builder.Logging.SetMinimumLevel(LogLevel.Trace);
                services?.Invoke(builder.Services);
            });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        return new SimulatorHost(app, new Uri(address), logs, clientTimeout);
    }

    public Task<HttpResponseMessage> GenerateAsync(MultipartFormDataContent form, string? apiKey = DefaultKey, CancellationToken cancellationToken = default)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/v1/ideogram-v3/generate") { Content = form };
        if (apiKey is not null)
        {
            request.Headers.TryAddWithoutValidation("Api-Key", apiKey);
        }

        return Client.SendAsync(request, cancellationToken);
    }

    /// <summary>Sends a minimal generate request, bypassing any client under test, and returns its status.</summary>
    public async Task<HttpStatusCode> SendProbeAsync(string apiKey)
    {
        using var form = new MultipartFormDataContent { { new StringContent("A probe"), "\"prompt\"" } };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/ideogram-v3/generate") { Content = form };
        request.Headers.TryAddWithoutValidation("Api-Key", apiKey);
        using var response = await Client.SendAsync(request);
        return response.StatusCode;
    }

    public async Task<JsonElement> GetJsonAsync(string path)
    {
        using var response = await Client.GetAsync(path);
        Assert.True(response.IsSuccessStatusCode, $"GET {path} answered {(int)response.StatusCode}");
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).Clone();
    }

    /// <summary>A control endpoint's body as text, exactly as served.</summary>
    public Task<string> GetTextAsync(string path) => Client.GetStringAsync(path);

    public Task<JsonElement> GetStatsAsync() => GetJsonAsync("/_simulator/stats");

    /// <summary>The counters summed over every key.</summary>
    public async Task<JsonNode> TotalsAsync() => JsonNode.Parse(await Client.GetStringAsync("/_simulator/stats"))!["totals"]!;

    /// <summary>The counters of one key (all zero when the simulator has not counted it).</summary>
    public async Task<KeyStatistics> StatsForAsync(string apiKey)
    {
        var snapshot = await Client.GetFromJsonAsync<StatsSnapshot>("/_simulator/stats", Json)
            ?? throw new InvalidOperationException("GET /_simulator/stats answered null.");
        return snapshot.Keys.GetValueOrDefault(KeyFingerprint.Of(apiKey), NoActivity);
    }

    /// <summary>Every generate request the simulator captured, oldest first.</summary>
    public async Task<JsonArray> RequestsAsync() => JsonNode.Parse(await Client.GetStringAsync("/_simulator/requests"))!.AsArray();

    /// <summary>The generate requests the simulator captured from one key, oldest first.</summary>
    public async Task<IReadOnlyList<CapturedRequest>> RequestsFromAsync(string apiKey)
    {
        var captured = await Client.GetFromJsonAsync<List<CapturedRequest>>("/_simulator/requests", Json)
            ?? throw new InvalidOperationException("GET /_simulator/requests answered null.");
        var fingerprint = KeyFingerprint.Of(apiKey);
        return captured.Where(r => r.Fingerprint == fingerprint).ToList();
    }

    /// <summary><c>PUT /_simulator/config</c> with the given subset of settings, returning the answer as it is.</summary>
    public async Task<HttpResponseMessage> PutConfigAsync(object settings)
    {
        var content = new StringContent(JsonSerializer.Serialize(settings, Json), Encoding.UTF8, "application/json");
        return await Client.PutAsync("/_simulator/config", content);
    }

    /// <summary><c>PUT /_simulator/config</c> with the given subset of settings; fails the test if refused.</summary>
    public async Task ConfigureAsync(object settings)
    {
        using var response = await PutConfigAsync(settings);
        Assert.True(response.IsSuccessStatusCode,
            $"PUT /_simulator/config answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary><c>POST /_simulator/reset</c>: counters and captured requests cleared, the failure sequence restarted from the seed.</summary>
    public async Task ResetAsync()
    {
        using var response = await Client.PostAsync("/_simulator/reset", null);
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
    }

    /// <summary>
    /// Every run-time setting back to its default, with no latency and no injected failures, then counters and
    /// captures cleared, so that settings left by an earlier test never leak into the next.
    /// </summary>
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

    /// <summary>Polls the stats until <paramref name="condition"/> holds; fails naming <paramref name="awaited"/> after a bounded wait.</summary>
    public async Task<JsonElement> WaitForStatsAsync(Func<JsonElement, bool> condition, string awaited)
    {
        var deadline = DateTime.UtcNow + WaitLimit;
        JsonElement stats;
        do
        {
            stats = await GetStatsAsync();
            if (condition(stats))
            {
                return stats;
            }

            await Task.Delay(20);
        }
        while (DateTime.UtcNow < deadline);
        Assert.Fail($"Waited {WaitLimit.TotalSeconds} s for {awaited}; last stats: {stats}");
        return stats;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
