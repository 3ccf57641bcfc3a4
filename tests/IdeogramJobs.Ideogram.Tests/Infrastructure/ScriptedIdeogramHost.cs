using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace IdeogramJobs.Ideogram.Tests.Infrastructure;

/// <summary>
/// A real Kestrel server on 127.0.0.1 with an OS-chosen port that plays Ideogram: each generate
/// request gets the next scripted answer (500 "no script" when none is left, so a surprise call
/// fails loudly), and /images/{id}.png serves scripted image answers (a PNG by default).
/// Every request is captured with its headers and, for generate, its multipart parts in order.
/// </summary>
public sealed class ScriptedIdeogramHost : IAsyncDisposable
{
    private static readonly TimeSpan WaitBound = TimeSpan.FromSeconds(15);

    private readonly WebApplication app;
    private readonly ConcurrentQueue<GenerateScript> generateScripts = new();
    private readonly ConcurrentDictionary<string, ConcurrentQueue<ImageScript>> imageScripts = new();
    private readonly ConcurrentQueue<CapturedRequest> generateRequests = new();
    private readonly ConcurrentQueue<CapturedRequest> imageRequests = new();
    private readonly CancellationTokenSource stopping = new();

    private ScriptedIdeogramHost(WebApplication app)
    {
        this.app = app;
    }

    public string BaseUrl { get; private set; } = "";

    public IReadOnlyList<CapturedRequest> GenerateRequests => generateRequests.ToArray();

    public IReadOnlyList<CapturedRequest> ImageRequests => imageRequests.ToArray();

    public static async Task<ScriptedIdeogramHost> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(2));
        var app = builder.Build();
        var host = new ScriptedIdeogramHost(app);

        app.MapPost("/v1/ideogram-v3/generate", host.HandleGenerateAsync);
        app.MapGet("/images/{id}.png", host.HandleImageAsync);
        app.MapGet("/elsewhere", (HttpContext context) =>
        {
            host.imageRequests.Enqueue(Capture(context, []));
            return Results.Ok();
        });

        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        host.BaseUrl = address.TrimEnd('/');
        return host;
    }

    public string ImageUrl(string id) => $"{BaseUrl}/images/{id}.png?exp=4102444800&sig=0123abcd";

    public ScriptedIdeogramHost ThenGenerate(params GenerateScript[] scripts)
    {
        foreach (var script in scripts)
        {
            generateScripts.Enqueue(script);
        }

        return this;
    }

    public ScriptedIdeogramHost ServeImage(string id, params ImageScript[] answers)
    {
        var queue = imageScripts.GetOrAdd(id, _ => new ConcurrentQueue<ImageScript>());
        foreach (var answer in answers)
        {
            queue.Enqueue(answer);
        }

        return this;
    }

    public async Task WaitForGenerateRequestsAsync(int count)
    {
        using var timeout = new CancellationTokenSource(WaitBound);
        while (generateRequests.Count < count)
        {
            if (timeout.IsCancellationRequested)
            {
                throw new TimeoutException(string.Create(CultureInfo.InvariantCulture,
                    $"Waited {WaitBound.TotalSeconds} s for {count} generate request(s) to reach the scripted host; saw {generateRequests.Count}."));
            }

            await Task.Delay(10, CancellationToken.None);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        await app.StopAsync();
        await app.DisposeAsync();
        stopping.Dispose();
    }

    private async Task HandleGenerateAsync(HttpContext context)
    {
        var parts = context.Request.ContentType is { } contentType && contentType.StartsWith("multipart/", StringComparison.Ordinal)
            ? await MultipartParts.ReadAsync(contentType, context.Request.Body)
            : [];
        generateRequests.Enqueue(Capture(context, parts));

        if (!generateScripts.TryDequeue(out var script))
        {
            context.Response.StatusCode = 500;
            await context.Response.WriteAsync("{\"error\":\"the test scripted no answer for this request\"}");
            return;
        }

        await script.Respond(context, this, stopping.Token);
    }

    private async Task HandleImageAsync(HttpContext context, string id)
    {
        imageRequests.Enqueue(Capture(context, []));
        var answer = imageScripts.TryGetValue(id, out var queue) && queue.TryDequeue(out var scripted) ? scripted : ImageScript.Png();
        if (answer.HoldUntilImageRequests is { } expected && !await ImageRequestsReachAsync(expected, context.RequestAborted))
        {
            context.Response.StatusCode = 500;
            return;
        }

        context.Response.StatusCode = answer.Status;
        if (answer.ContentType is not null)
        {
            context.Response.ContentType = answer.ContentType;
        }

        if (answer.AnnounceLength)
        {
            context.Response.ContentLength = answer.Body.Length;
        }

        await context.Response.Body.WriteAsync(answer.Body);
    }

    private async Task<bool> ImageRequestsReachAsync(int expected, CancellationToken aborted)
    {
        using var bound = CancellationTokenSource.CreateLinkedTokenSource(aborted, stopping.Token);
        bound.CancelAfter(TimeSpan.FromSeconds(10));
        while (imageRequests.Count < expected)
        {
            if (bound.IsCancellationRequested)
            {
                return false;
            }

            await Task.Delay(10, CancellationToken.None);
        }

        return true;
    }

    private static CapturedRequest Capture(HttpContext context, IReadOnlyList<MultipartPart> parts) =>
        new(context.Request.Path + context.Request.QueryString,
            context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
            context.Request.ContentType,
            parts);
}
