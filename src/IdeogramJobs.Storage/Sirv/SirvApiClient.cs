using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Logging;

namespace IdeogramJobs.Storage.Sirv;

/// <summary>
/// Sends authorised Sirv REST calls: adds the bearer token, records rate-limit headers, and on a 401
/// fetches a new token and repeats the call once.
/// </summary>
public sealed class SirvApiClient(
    IHttpClientFactory httpClientFactory,
    SirvTokenProvider tokens,
    SirvRateLimitGate gate,
    ILogger<SirvApiClient> logger)
{
    /// <param name="createRequest">Builds a fresh request each time, since a sent request cannot be sent again.</param>
    /// <param name="operation">What the call does, for log and error messages.</param>
    /// <exception cref="SirvTransientFailure">Sirv could not be reached or did not answer in time.</exception>
    public async Task<HttpResponseMessage> SendAsync(Func<HttpRequestMessage> createRequest, string operation, CancellationToken cancellationToken)
    {
        var token = await tokens.GetTokenAsync(cancellationToken);
        var response = await SendOnceAsync(createRequest, token, operation, cancellationToken);
        if (response.StatusCode != HttpStatusCode.Unauthorized)
        {
            return response;
        }

        response.Dispose();
        logger.LogInformation("Sirv answered 401 to {SirvOperation}; repeating it once with a new access token", operation);
        tokens.Invalidate(token);
        token = await tokens.GetTokenAsync(cancellationToken);
        return await SendOnceAsync(createRequest, token, operation, cancellationToken);
    }

    public string Redact(string text) => tokens.Redact(text);

    private async Task<HttpResponseMessage> SendOnceAsync(
        Func<HttpRequestMessage> createRequest,
        SirvAccessToken token,
        string operation,
        CancellationToken cancellationToken)
    {
        var client = httpClientFactory.CreateClient(SirvHttpClient.Name);
        using var request = createRequest();
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token.Value);

        HttpResponseMessage response;
        try
        {
            response = await client.SendAsync(request, cancellationToken);
        }
        catch (HttpRequestException exception)
        {
            throw new SirvTransientFailure($"Could not reach Sirv for {operation}: {Redact(exception.Message)}", innerException: exception);
        }
        catch (OperationCanceledException exception) when (!cancellationToken.IsCancellationRequested)
        {
            throw new SirvTransientFailure($"Sirv did not answer {operation} within {client.Timeout.TotalSeconds} s.", innerException: exception);
        }

        gate.Observe(response);
        return response;
    }
}
