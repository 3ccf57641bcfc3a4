using System.Net.Http.Json;
using System.Text.Json.Nodes;
using IdeogramJobs.Ideogram.Simulator;
using Microsoft.AspNetCore.Builder;

namespace IdeogramJobs.Cluster.Tests.Infrastructure;

/// <summary>The Ideogram simulator on a loopback port of its own, with its control endpoints at hand.</summary>
public sealed class SimulatorHost : IAsyncDisposable
{
    private readonly WebApplication app;

    private SimulatorHost(WebApplication app, string baseUrl)
    {
        this.app = app;
        BaseUrl = baseUrl;
        Control = new HttpClient { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromSeconds(10) };
    }

    public string BaseUrl { get; }

    public HttpClient Control { get; }

    public static async Task<SimulatorHost> StartAsync()
    {
        var app = SimulatorApp.Build(["--urls", "http://127.0.0.1:0"], o => o.LatencyScale = 0);
        await app.StartAsync();
        return new SimulatorHost(app, app.Urls.Single());
    }

    /// <summary>Replaces the given settings (latencyScale, inflightLimit, failureRates, ...).</summary>
    public async Task ConfigureAsync(object settings)
    {
        using var response = await Control.PutAsJsonAsync("/_simulator/config", settings);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>Back to instant, faultless answers with cleared counters.</summary>
    public async Task ResetAsync()
    {
        await ConfigureAsync(new
        {
            latencyScale = 0,
            inflightLimit = 10,
            failureRates = new { rateLimited = 0, serverError = 0, serviceUnavailable = 0, hang = 0 },
        });
        using var response = await Control.PostAsync("/_simulator/reset", null);
        response.EnsureSuccessStatusCode();
    }

    public async Task<JsonNode> TotalsAsync() => JsonNode.Parse(await Control.GetStringAsync("/_simulator/stats"))!["totals"]!;

    public async Task<JsonArray> RequestsAsync() => JsonNode.Parse(await Control.GetStringAsync("/_simulator/requests"))!.AsArray();

    public async ValueTask DisposeAsync()
    {
        Control.Dispose();
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
