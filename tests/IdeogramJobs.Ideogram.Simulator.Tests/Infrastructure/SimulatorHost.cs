using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using IdeogramJobs.Ideogram.Simulator.Options;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace IdeogramJobs.Ideogram.Simulator.Tests.Infrastructure;

/// <summary>
/// A simulator on a real socket (127.0.0.1, port 0) with no latency unless a test asks for it, a
/// client for it, and helpers for the provider and control endpoints.
/// </summary>
public sealed class SimulatorHost : IAsyncDisposable
{
    public const string DefaultKey = "test-key-0001";

    private static readonly TimeSpan WaitLimit = TimeSpan.FromSeconds(15);

    private readonly WebApplication _app;

    private SimulatorHost(WebApplication app, Uri baseAddress, CapturingLoggerProvider logs)
    {
        _app = app;
        BaseAddress = baseAddress;
        Logs = logs;
        Client = new HttpClient { BaseAddress = baseAddress };
    }

    public Uri BaseAddress { get; }

    public HttpClient Client { get; }

    public CapturingLoggerProvider Logs { get; }

    public static async Task<SimulatorHost> StartAsync(
        Action<SimulatorOptions>? configure = null,
        Action<IServiceCollection>? services = null,
        string[]? args = null)
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
        return new SimulatorHost(app, new Uri(address), logs);
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

    public async Task<JsonElement> GetJsonAsync(string path)
    {
        using var response = await Client.GetAsync(path);
        Assert.True(response.IsSuccessStatusCode, $"GET {path} answered {(int)response.StatusCode}");
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).Clone();
    }

    public Task<JsonElement> GetStatsAsync() => GetJsonAsync("/_simulator/stats");

    public async Task<HttpResponseMessage> PutConfigAsync(object settings)
    {
        var content = new StringContent(JsonSerializer.Serialize(settings));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return await Client.PutAsync("/_simulator/config", content);
    }

    public async Task ConfigureAsync(object settings)
    {
        using var response = await PutConfigAsync(settings);
        Assert.True(response.IsSuccessStatusCode, $"PUT /_simulator/config answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    public async Task ResetAsync()
    {
        using var response = await Client.PostAsync("/_simulator/reset", null);
        Assert.Equal(System.Net.HttpStatusCode.NoContent, response.StatusCode);
    }

    /// <summary>Generates with <paramref name="form"/>, asserts 200 and downloads the image at <paramref name="index"/>.</summary>
    public async Task<(JsonElement Image, byte[] Png)> GenerateAndDownloadAsync(GenerateForm form, int index = 0)
    {
        using var response = await GenerateAsync(form);
        var body = await response.AssertStatusAsync(System.Net.HttpStatusCode.OK);
        var image = body.GetProperty("data")[index];
        using var download = await Client.GetAsync(image.GetProperty("url").GetString());
        Assert.Equal(System.Net.HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("image/png", download.Content.Headers.ContentType?.MediaType);
        return (image, await download.Content.ReadAsByteArrayAsync());
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
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
