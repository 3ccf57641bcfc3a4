using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using StandardWebhooks;
using StandardWebhooks.Diagnostics;

namespace IdeogramJobs.Testing.Webhooks;

/// <summary>
/// A webhook receiver on real Kestrel (127.0.0.1): it verifies every request's Standard Webhooks
/// signature entries with the reference StandardWebhooks library against the secrets it is told, records what
/// came, and can be told to answer an error status or to hang, as a receiver that is down or stuck would.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly Lock sync = new();
    private readonly List<ReceivedWebhook> received = [];
    private readonly List<string> secrets = [];
    private readonly TaskCompletionSource release = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private WebhookReceiver(int port)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
        app = builder.Build();
        app.MapPost("/{**path}", (RequestDelegate)HandleAsync);
    }

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>The status every request is answered with; 204 unless a test says otherwise.</summary>
    public int AnswerStatus { get; set; } = StatusCodes.Status204NoContent;

    /// <summary>Hold every request open until the receiver is disposed, as a receiver that never answers.</summary>
    public bool Hang { get; set; }

    public IReadOnlyList<ReceivedWebhook> Received
    {
        get { lock (sync) { return [.. received]; } }
    }

    public static async Task<WebhookReceiver> StartAsync(int port = 0)
    {
        var receiver = new WebhookReceiver(port);
        await receiver.app.StartAsync();
        receiver.BaseAddress = new Uri(receiver.app.Urls.Single());
        return receiver;
    }

    /// <summary>A URL on this receiver; the path lets one receiver stand for several endpoints.</summary>
    public string Url(string path = "/hook") => BaseAddress.ToString().TrimEnd('/') + path;

    /// <summary>Adds a secret signatures are verified against (an endpoint's, as create or rotate answered it).</summary>
    public void Trust(string secret)
    {
        lock (sync)
        {
            secrets.Add(secret);
        }
    }

    /// <summary>Waits (bounded) until what was received satisfies <paramref name="done"/>.</summary>
    public Task<IReadOnlyList<ReceivedWebhook>> WaitForAsync(Func<IReadOnlyList<ReceivedWebhook>, bool> done, TimeSpan within, string awaited) =>
        Eventually.Until(() => Task.FromResult(Received), done, within, awaited, TimeSpan.FromMilliseconds(100));

    public async ValueTask DisposeAsync()
    {
        release.TrySetResult();
        await app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        string[] trusted;
        lock (sync)
        {
            trusted = [.. secrets];
        }

        var verified = trusted.Any(secret => Verifies(secret, body, context.Request.Headers));
        System.Text.Json.Nodes.JsonNode? parsed = null;
        try
        {
            parsed = System.Text.Json.Nodes.JsonNode.Parse(body);
        }
        catch (System.Text.Json.JsonException)
        {
            parsed = null;
        }

        lock (sync)
        {
            received.Add(new ReceivedWebhook(context.Request.Path, context.Request.Headers["webhook-id"].ToString(), parsed, verified,
                context.Request.Headers["webhook-signature"].ToString(), DateTimeOffset.UtcNow));
        }

        if (Hang)
        {
            await Task.WhenAny(release.Task, Task.Delay(Timeout.Infinite, context.RequestAborted));
            return;
        }

        context.Response.StatusCode = AnswerStatus;
    }

    /// <summary>
    /// Whether any signature entry verifies with the secret. StandardWebhooks 1.1.2 compares the first entry
    /// only, and during a rotation the old secret's entry comes second, so each entry is verified on its own.
    /// </summary>
    private static bool Verifies(string secret, string body, IHeaderDictionary headers) =>
        headers["webhook-signature"].ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries).Any(entry =>
        {
            try
            {
                new StandardWebhook(secret).Verify(body, new HeaderDictionary
                {
                    ["webhook-id"] = headers["webhook-id"],
                    ["webhook-timestamp"] = headers["webhook-timestamp"],
                    ["webhook-signature"] = entry,
                });
                return true;
            }
            catch (WebhookVerificationException)
            {
                return false;
            }
        });
}
