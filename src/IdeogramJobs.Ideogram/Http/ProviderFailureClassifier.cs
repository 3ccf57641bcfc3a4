using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using IdeogramJobs.Ideogram.Failures;

namespace IdeogramJobs.Ideogram.Http;

/// <summary>
/// Turns a non-success answer or a transport failure of the generate route into an
/// <see cref="IdeogramException"/> whose kind decides retrying and whose message says what to do.
/// Everything taken from outside is passed through <see cref="SecretRedactor"/> first.
/// </summary>
internal static class ProviderFailureClassifier
{
    public static IdeogramException FromResponse(
        HttpStatusCode status, string? reasonPhrase, HttpResponseHeaders headers, string body, TimeProvider timeProvider, string? apiKey)
    {
        var error = ProviderErrorBody.Parse(body);
        var providerText = error.Describe() is { } described ? SecretRedactor.Redact(described, apiKey) : null;
        var said = providerText is null ? "" : $": {providerText}";
        var code = (int)status;
        var answered = string.Create(CultureInfo.InvariantCulture, $"Ideogram answered {code} {(string.IsNullOrWhiteSpace(reasonPhrase) ? status.ToString() : reasonPhrase)}{said}.");

        var (kind, advice) = code switch
        {
            400 => (IdeogramFailureKind.InvalidRequest, "The request was refused as invalid; fix the prompt or settings, retrying will not help."),
            401 => (IdeogramFailureKind.Unauthorized, "The API key was refused; check IDEOGRAM_API_KEY."),
            402 => (IdeogramFailureKind.PaymentRequired, "The Ideogram account is out of credit or over its daily limit; top up or wait for the limit to reset."),
            403 => (IdeogramFailureKind.Unauthorized, "The organisation behind IDEOGRAM_API_KEY has no access to this endpoint or model."),
            404 => (IdeogramFailureKind.NotFound, "A referenced model or asset does not exist."),
            408 => (IdeogramFailureKind.Timeout, "Ideogram timed out; try again later."),
            422 => (IdeogramFailureKind.SafetyRejected, "The prompt or an input image failed Ideogram's safety check; change it, the same prompt will be refused again."),
            429 => (IdeogramFailureKind.RateLimited, "Too many images are in flight for this Ideogram organisation; try again after the current work finishes."),
            >= 500 => (IdeogramFailureKind.ProviderError, "Ideogram failed on its side; try again later."),
            >= 400 => (IdeogramFailureKind.InvalidRequest, "The request was refused; retrying will not help."),
            _ => (IdeogramFailureKind.InvalidResponse, "This is not an answer the generate route gives (redirects are not followed, so the key is never sent elsewhere); check IDEOGRAM_BASE_URL."),
        };

        var retryAfter = RetryAfterHeader.Read(headers, timeProvider);
        var wait = retryAfter is { } delay
            ? string.Create(CultureInfo.InvariantCulture, $" Ideogram asked to wait {delay.TotalSeconds:0.###} s.")
            : "";
        return new IdeogramException(kind, $"{answered} {advice}{wait}", status, retryAfter, providerText);
    }

    public static IdeogramException FromTransport(HttpRequestException exception, Uri endpoint, string? apiKey)
    {
        var detail = SecretRedactor.Redact(exception.Message, apiKey);
        var where = endpoint.GetLeftPart(UriPartial.Authority);
        return exception.HttpRequestError switch
        {
            HttpRequestError.NameResolutionError or HttpRequestError.ConnectionError or HttpRequestError.SecureConnectionError =>
                new IdeogramException(IdeogramFailureKind.Unreachable,
                    $"Could not connect to Ideogram at {where}: {detail} Check IDEOGRAM_BASE_URL and the network; the call can be retried.",
                    innerException: exception),
            _ => new IdeogramException(IdeogramFailureKind.ProviderError,
                $"The connection to Ideogram at {where} failed during the request: {detail} The call can be retried.",
                innerException: exception),
        };
    }
}
