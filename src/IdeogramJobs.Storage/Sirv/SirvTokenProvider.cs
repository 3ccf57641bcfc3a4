using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IdeogramJobs.Storage.Sirv;

/// <summary>
/// Obtains Sirv bearer tokens (POST /v2/token) and caches one per process until shortly before it
/// expires. Only one refresh runs at a time; callers arriving meanwhile reuse its result.
/// </summary>
public sealed class SirvTokenProvider(
    IHttpClientFactory httpClientFactory,
    IOptions<SirvOptions> options,
    SirvRateLimitGate gate,
    TimeProvider time,
    ILogger<SirvTokenProvider> logger) : IDisposable
{
    private static readonly TimeSpan RefreshMargin = TimeSpan.FromSeconds(60);
    private const string Redacted = "[redacted]";

    private readonly SemaphoreSlim refresh = new(1, 1);
    private SirvAccessToken? current;
    private string? previousValue;

    /// <summary>The cached token, or a new one when none is cached or it is due for refresh.</summary>
    /// <exception cref="ImageStorageException">Sirv refused the credentials (permanent) or could not be reached (transient).</exception>
    public async ValueTask<SirvAccessToken> GetTokenAsync(CancellationToken cancellationToken)
    {
        var cached = Volatile.Read(ref current);
        if (cached is not null && cached.IsFreshAt(time.GetUtcNow()))
        {
            return cached;
        }

        await refresh.WaitAsync(cancellationToken);
        try
        {
            cached = Volatile.Read(ref current);
            if (cached is not null && cached.IsFreshAt(time.GetUtcNow()))
            {
                return cached;
            }

            var fetched = await FetchAsync(cancellationToken);
            Volatile.Write(ref current, fetched);
            return fetched;
        }
        finally
        {
            refresh.Release();
        }
    }

    /// <summary>
    /// Forgets a token Sirv answered 401 to. Only the token that was rejected is dropped, so many calls
    /// failing with the same token cause one refresh, not one each.
    /// </summary>
    public void Invalidate(SirvAccessToken rejected)
    {
        if (Interlocked.CompareExchange(ref current, null, rejected) == rejected)
        {
            Volatile.Write(ref previousValue, rejected.Value);
            logger.LogInformation("Sirv rejected the cached access token; the next call fetches a new one");
        }
    }

    /// <summary>Replaces the client secret and any token this provider handed out with a marker.</summary>
    public string Redact(string text)
    {
        foreach (var secret in new[] { options.Value.ClientSecret, Volatile.Read(ref current)?.Value, Volatile.Read(ref previousValue) })
        {
            if (!string.IsNullOrEmpty(secret))
            {
                text = text.Replace(secret, Redacted, StringComparison.Ordinal);
            }
        }

        return text;
    }

    public void Dispose() => refresh.Dispose();

    public override string ToString() => $"SirvTokenProvider {{ ClientId = {options.Value.ClientId} }}";

    private async Task<SirvAccessToken> FetchAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var client = httpClientFactory.CreateClient(SirvHttpClient.Name);
        using var request = new HttpRequestMessage(HttpMethod.Post, "v2/token")
        {
            Content = JsonContent.Create(new SirvTokenRequest
            {
                ClientId = settings.ClientId ?? string.Empty,
                ClientSecret = settings.ClientSecret ?? string.Empty,
            }),
        };

        HttpResponseMessage response;
        try
        {
            response = await client.SendAsync(request, cancellationToken);
        }
        catch (HttpRequestException exception)
        {
            throw new SirvTransientFailure($"Could not reach the Sirv token endpoint: {Redact(exception.Message)}", innerException: exception);
        }
        catch (OperationCanceledException exception) when (!cancellationToken.IsCancellationRequested)
        {
            throw new SirvTransientFailure(
                $"The Sirv token endpoint did not answer within {client.Timeout.TotalSeconds} s.", innerException: exception);
        }

        using (response)
        {
            gate.Observe(response);
            if (response.StatusCode == HttpStatusCode.OK)
            {
                return await ReadTokenAsync(response, cancellationToken);
            }

            var detail = await SirvErrorDetail.ReadAsync(response, Redact, cancellationToken);
            var status = (int)response.StatusCode;
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                gate.ObserveRejection(response);
                throw new SirvTransientFailure($"Sirv's rate limit was reached on the token endpoint (HTTP 429){detail}.", rateLimited: true);
            }

            if (status >= 500 || response.StatusCode == HttpStatusCode.RequestTimeout)
            {
                throw new SirvTransientFailure($"The Sirv token endpoint answered HTTP {status}{detail}.");
            }

            if (response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
            {
                throw new ImageStorageException(
                    $"Sirv refused the API client credentials (HTTP {status}{detail}); check {SirvOptions.ClientIdVariable} and {SirvOptions.ClientSecretVariable}.",
                    isTransient: false);
            }

            throw new ImageStorageException($"The Sirv token endpoint answered HTTP {status}{detail}.", isTransient: false);
        }
    }

    private async Task<SirvAccessToken> ReadTokenAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        SirvTokenResponse? body;
        try
        {
            body = await response.Content.ReadFromJsonAsync<SirvTokenResponse>(cancellationToken);
        }
        catch (JsonException exception)
        {
            throw new SirvTransientFailure("The Sirv token endpoint answered 200 with a body that is not the expected JSON.", innerException: exception);
        }

        if (string.IsNullOrWhiteSpace(body?.Token) || body.ExpiresIn <= 0)
        {
            throw new SirvTransientFailure("The Sirv token endpoint answered 200 without a token or a positive expiresIn.");
        }

        var lifetime = TimeSpan.FromSeconds(body.ExpiresIn);
        // Refresh 60 s early; a lifetime shorter than two minutes is refreshed halfway instead.
        var margin = lifetime / 2 < RefreshMargin ? lifetime / 2 : RefreshMargin;
        var token = new SirvAccessToken(body.Token, time.GetUtcNow() + lifetime - margin);
        logger.LogDebug("Obtained a Sirv access token valid for {ExpiresInSeconds} s", body.ExpiresIn);
        return token;
    }
}
