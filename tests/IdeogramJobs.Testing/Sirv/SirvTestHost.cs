using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Logging;

namespace IdeogramJobs.Testing.Sirv;

/// <summary>
/// A Sirv-compatible REST host on real Kestrel (127.0.0.1, ephemeral port): /v2/token, /v2/files/upload,
/// /v2/files/stat, and the uploaded files under /cdn/. It keeps files in memory, models Sirv's rate-limit
/// buckets on the given clock (hourly, as Sirv's are, or a shorter window so a benchmark meets the reset
/// within seconds), and can be scripted to revoke tokens or answer 429/5xx/403.
/// </summary>
public sealed class SirvTestHost : IAsyncDisposable
{
    public const string ClientId = "host-client-id";
    public const string ClientSecret = "host-secret-Zq7xK3pW9mV2";
    public const string PublicPathPrefix = "/cdn";

    /// <summary>Sirv's own rate-limit window.</summary>
    public static readonly TimeSpan DefaultRateLimitWindow = TimeSpan.FromHours(1);

    private readonly WebApplication app;
    private readonly TimeProvider time;
    private readonly Lock sync = new();
    private readonly Dictionary<string, SirvStoredFile> files = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DateTimeOffset> tokenExpiry = new(StringComparer.Ordinal);
    private readonly List<string> issuedTokens = [];
    private readonly List<SirvUploadRecord> uploads = [];
    private readonly List<string> errorBodies = [];
    private readonly Queue<SirvScriptedAnswer> scriptedUploads = new();
    private readonly SirvRateBucket globalBucket;
    private readonly SirvRateBucket uploadBucket;
    private TaskCompletionSource? tokenRelease;
    private int tokenRequests;
    private int statRequests;
    private int acceptedUploads;

    private SirvTestHost(TimeProvider time, TimeSpan rateLimitWindow)
    {
        this.time = time;
        globalBucket = new SirvRateBucket("rest:global", 7000, rateLimitWindow);
        uploadBucket = new SirvRateBucket("rest:post:files:upload", 2000, rateLimitWindow);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, 0);
            kestrel.Limits.MaxRequestBodySize = 310_000_000;
        });
        app = builder.Build();
        app.MapPost("/v2/token", (RequestDelegate)HandleTokenAsync);
        app.MapPost("/v2/files/upload", (RequestDelegate)HandleUploadAsync);
        app.MapGet("/v2/files/stat", (RequestDelegate)HandleStatAsync);
        app.MapPost("/v2/files/delete", (RequestDelegate)HandleDeleteAsync);
        app.MapGet(PublicPathPrefix + "/{**path}", (RequestDelegate)HandlePublicFileAsync);
    }

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>What SIRV_PUBLIC_URL should be: uploaded files are served below it.</summary>
    public string PublicBaseUrl => BaseAddress.ToString().TrimEnd('/') + PublicPathPrefix;

    public int TokenExpiresInSeconds { get; set; } = 1200;

    /// <summary>Answer 403 to an upload whose filename already exists (Sirv's example of a 403).</summary>
    public bool RejectOverwrite { get; set; }

    /// <summary>Put the offending token or secret into error bodies, to prove the client redacts them.</summary>
    public bool EchoCredentialsInErrors { get; set; }

    /// <summary>Answer 401 to every bearer token, as for a client without upload permission.</summary>
    public bool RejectAllTokens { get; set; }

    public int TokenRequests { get { lock (sync) { return tokenRequests; } } }

    public int StatRequests { get { lock (sync) { return statRequests; } } }

    /// <summary>Uploads answered 200 and stored.</summary>
    public int AcceptedUploads { get { lock (sync) { return acceptedUploads; } } }

    /// <summary>429s answered because the upload bucket was empty.</summary>
    public int UploadRateLimitRefusals { get { lock (sync) { return uploadBucket.Refusals; } } }

    /// <summary>429s answered because the global bucket was empty, to token requests and uploads alike.</summary>
    public int GlobalRateLimitRefusals { get { lock (sync) { return globalBucket.Refusals; } } }

    public TimeSpan RateLimitWindow => uploadBucket.Window;

    public IReadOnlyList<string> IssuedTokens { get { lock (sync) { return [.. issuedTokens]; } } }

    public IReadOnlyList<SirvUploadRecord> Uploads { get { lock (sync) { return [.. uploads]; } } }

    public IReadOnlyList<string> ErrorBodies { get { lock (sync) { return [.. errorBodies]; } } }

    public IReadOnlyDictionary<string, SirvStoredFile> Files
    {
        get { lock (sync) { return new Dictionary<string, SirvStoredFile>(files, StringComparer.Ordinal); } }
    }

    /// <param name="rateLimitWindow">How long each rate-limit bucket's window lasts; Sirv's hour when not given.</param>
    public static async Task<SirvTestHost> StartAsync(TimeProvider time, TimeSpan? rateLimitWindow = null)
    {
        var host = new SirvTestHost(time, rateLimitWindow ?? DefaultRateLimitWindow);
        await host.app.StartAsync();
        host.BaseAddress = new Uri(host.app.Urls.Single());
        return host;
    }

    /// <summary>Forces the answers to the next uploads, in order, before any other rule applies.</summary>
    public void ScriptUploads(params SirvScriptedAnswer[] answers)
    {
        lock (sync)
        {
            foreach (var answer in answers)
            {
                scriptedUploads.Enqueue(answer);
            }
        }
    }

    /// <summary>Every token issued so far stops working, as when Sirv revokes or expires it early.</summary>
    public void RevokeIssuedTokens()
    {
        lock (sync)
        {
            tokenExpiry.Clear();
        }
    }

    /// <summary>Uploads allowed per rate-limit window.</summary>
    public void SetUploadLimit(int limit)
    {
        lock (sync)
        {
            uploadBucket.Limit = limit;
        }
    }

    /// <summary>API calls of any kind allowed per rate-limit window.</summary>
    public void SetGlobalLimit(int limit)
    {
        lock (sync)
        {
            globalBucket.Limit = limit;
        }
    }

    /// <summary>Token requests wait until <see cref="ReleaseTokenResponses"/>.</summary>
    public void HoldTokenResponses()
    {
        lock (sync)
        {
            tokenRelease = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
    }

    public void ReleaseTokenResponses()
    {
        lock (sync)
        {
            tokenRelease?.TrySetResult();
            tokenRelease = null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        ReleaseTokenResponses();
        await app.StopAsync();
        await app.DisposeAsync();
    }

    private async Task HandleTokenAsync(HttpContext context)
    {
        Task release;
        lock (sync)
        {
            tokenRequests++;
            release = tokenRelease?.Task ?? Task.CompletedTask;
        }

        await release;
        var now = time.GetUtcNow();
        bool withinGlobalLimit;
        lock (sync)
        {
            withinGlobalLimit = globalBucket.TryConsume(now);
            WriteRateLimitHeaders(context.Response, globalBucket, "X-Global-RateLimit");
        }

        if (!withinGlobalLimit)
        {
            await WriteErrorAsync(context, StatusCodes.Status429TooManyRequests, "Too many requests");
            return;
        }

        if (context.Request.ContentType?.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) != true)
        {
            await WriteErrorAsync(context, StatusCodes.Status400BadRequest, "Content-Type must be application/json");
            return;
        }

        string? clientId = null;
        string? clientSecret = null;
        try
        {
            using var body = await JsonDocument.ParseAsync(context.Request.Body);
            foreach (var property in body.RootElement.EnumerateObject())
            {
                switch (property.Name)
                {
                    case "clientId":
                        clientId = property.Value.GetString();
                        break;
                    case "clientSecret":
                        clientSecret = property.Value.GetString();
                        break;
                    default:
                        // The reference schema allows no other properties.
                        await WriteErrorAsync(context, StatusCodes.Status400BadRequest, $"Additional property {property.Name} is not allowed");
                        return;
                }
            }
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException)
        {
            await WriteErrorAsync(context, StatusCodes.Status400BadRequest, "Body must be a JSON object");
            return;
        }

        if (clientId != ClientId || clientSecret != ClientSecret)
        {
            var message = EchoCredentialsInErrors ? $"Invalid client {clientId} with secret {clientSecret}" : "Invalid credentials";
            await WriteErrorAsync(context, StatusCodes.Status401Unauthorized, message);
            return;
        }

        var token = "eyJ" + Guid.NewGuid().ToString("N") + Guid.NewGuid().ToString("N");
        lock (sync)
        {
            tokenExpiry[token] = now + TimeSpan.FromSeconds(TokenExpiresInSeconds);
            issuedTokens.Add(token);
        }

        await context.Response.WriteAsJsonAsync(new
        {
            token,
            expiresIn = TokenExpiresInSeconds,
            scope = new[] { "account:read", "files:read", "files:write" },
        });
    }

    private async Task HandleUploadAsync(HttpContext context)
    {
        var now = time.GetUtcNow();
        var filename = context.Request.Query["filename"].FirstOrDefault();
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer);
        var content = buffer.ToArray();
        var token = BearerToken(context.Request);

        int status;
        string? error = null;
        lock (sync)
        {
            if (!IsValid(token, now))
            {
                status = StatusCodes.Status401Unauthorized;
                error = EchoCredentialsInErrors ? $"Token {token} is not valid" : "Invalid token";
            }
            else if (scriptedUploads.TryDequeue(out var scripted))
            {
                status = scripted.StatusCode;
                error = EchoCredentialsInErrors ? $"Scripted failure for token {token}" : "Scripted failure";
                if (scripted.Reset is { } reset)
                {
                    WriteHeaders(context.Response, "X-RateLimit", uploadBucket.Type, uploadBucket.Limit, 0, reset);
                }
            }
            else if (!globalBucket.TryConsume(now))
            {
                status = StatusCodes.Status429TooManyRequests;
                error = "Global rate limit exceeded";
                WriteRateLimitHeaders(context.Response, globalBucket, "X-Global-RateLimit");
            }
            else if (!uploadBucket.TryConsume(now))
            {
                status = StatusCodes.Status429TooManyRequests;
                error = "Upload rate limit exceeded";
                WriteRateLimitHeaders(context.Response, uploadBucket, "X-RateLimit");
                WriteRateLimitHeaders(context.Response, globalBucket, "X-Global-RateLimit");
            }
            else
            {
                WriteRateLimitHeaders(context.Response, uploadBucket, "X-RateLimit");
                WriteRateLimitHeaders(context.Response, globalBucket, "X-Global-RateLimit");
                if (filename is null || !filename.StartsWith('/') || content.Length == 0)
                {
                    status = StatusCodes.Status400BadRequest;
                    error = "filename must start with / and the body must not be empty";
                }
                else if (RejectOverwrite && files.ContainsKey(filename))
                {
                    status = StatusCodes.Status403Forbidden;
                    error = "File already exists";
                }
                else
                {
                    status = StatusCodes.Status200OK;
                    acceptedUploads++;
                    files[filename] = new SirvStoredFile(content, context.Request.ContentType, now);
                }
            }

            uploads.Add(new SirvUploadRecord(
                context.Request.QueryString.Value ?? string.Empty,
                filename,
                context.Request.ContentType,
                content.Length,
                token,
                now,
                status));
        }

        if (status == StatusCodes.Status200OK)
        {
            context.Response.StatusCode = status;
            context.Response.ContentLength = 0;
            return;
        }

        await WriteErrorAsync(context, status, error ?? "Error");
    }

    private async Task HandleStatAsync(HttpContext context)
    {
        var now = time.GetUtcNow();
        var token = BearerToken(context.Request);
        var filename = context.Request.Query["filename"].FirstOrDefault();
        SirvStoredFile? file = null;
        bool authorized;
        lock (sync)
        {
            statRequests++;
            authorized = IsValid(token, now);
            if (authorized && filename is not null)
            {
                files.TryGetValue(filename, out file);
            }
        }

        if (!authorized)
        {
            await WriteErrorAsync(context, StatusCodes.Status401Unauthorized, "Invalid token");
            return;
        }

        if (file is null)
        {
            await WriteErrorAsync(context, StatusCodes.Status404NotFound, "Not found");
            return;
        }

        await context.Response.WriteAsJsonAsync(new
        {
            mtime = file.StoredAt,
            ctime = file.StoredAt,
            contentType = file.ContentType,
            size = file.Content.LongLength,
            isDirectory = false,
            meta = new { },
        });
    }

    /// <summary>Sirv's delete of one file: 200 with an empty body, 404 when there is no such file.</summary>
    private async Task HandleDeleteAsync(HttpContext context)
    {
        var token = BearerToken(context.Request);
        var filename = context.Request.Query["filename"].FirstOrDefault();
        bool authorized;
        var removed = false;
        lock (sync)
        {
            authorized = IsValid(token, time.GetUtcNow());
            if (authorized && filename is not null)
            {
                removed = files.Remove(filename);
            }
        }

        if (!authorized)
        {
            await WriteErrorAsync(context, StatusCodes.Status401Unauthorized, "Invalid token");
            return;
        }

        if (!removed)
        {
            await WriteErrorAsync(context, StatusCodes.Status404NotFound, "Not found");
        }
    }

    private async Task HandlePublicFileAsync(HttpContext context)
    {
        var path = "/" + (context.Request.RouteValues["path"] as string ?? string.Empty);
        SirvStoredFile? file;
        lock (sync)
        {
            files.TryGetValue(path, out file);
        }

        if (file is null)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        context.Response.ContentType = file.ContentType;
        context.Response.ContentLength = file.Content.Length;
        await context.Response.Body.WriteAsync(file.Content);
    }

    private bool IsValid(string? token, DateTimeOffset now) =>
        !RejectAllTokens && token is not null && tokenExpiry.TryGetValue(token, out var expiry) && now < expiry;

    private static string? BearerToken(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.Ordinal) ? header["Bearer ".Length..] : null;
    }

    private static void WriteRateLimitHeaders(HttpResponse response, SirvRateBucket bucket, string family) =>
        WriteHeaders(response, family, bucket.Type, bucket.Limit, bucket.Remaining, bucket.Reset);

    private static void WriteHeaders(HttpResponse response, string family, string type, int limit, int remaining, DateTimeOffset reset)
    {
        response.Headers[$"{family}-Limit"] = limit.ToString(CultureInfo.InvariantCulture);
        response.Headers[$"{family}-Remaining"] = remaining.ToString(CultureInfo.InvariantCulture);
        response.Headers[$"{family}-Reset"] = reset.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        response.Headers[$"{family}-Type"] = type;
    }

    private async Task WriteErrorAsync(HttpContext context, int status, string message)
    {
        var body = JsonSerializer.Serialize(new
        {
            statusCode = status,
            error = ReasonPhrases.GetReasonPhrase(status),
            message,
        });
        lock (sync)
        {
            errorBodies.Add(body);
        }

        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(body);
    }
}
