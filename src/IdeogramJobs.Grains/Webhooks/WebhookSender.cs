using System.Net.Http.Headers;
using System.Text;
using IdeogramJobs.Database.Webhooks;

namespace IdeogramJobs.Grains.Webhooks;

/// <summary>Sends one signed delivery and says what the receiver answered; never throws for a receiver's failure.</summary>
public sealed class WebhookSender(IHttpClientFactory clients, WebhookPayloadImages images, TimeProvider time)
{
    private const int ErrorChars = 300;

    public async Task<WebhookSendResult> SendAsync(DueDelivery delivery, CancellationToken cancellationToken)
    {
        // The timestamp is the attempt's (receivers reject old ones); the id stays the event's.
        var timestamp = WebhookSignature.Timestamp(time.GetUtcNow());
        var payload = images.WithCurrentUrls(delivery.Payload);
        using var request = new HttpRequestMessage(HttpMethod.Post, delivery.Url)
        {
            Content = new StringContent(payload, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add(WebhookSignature.IdHeader, delivery.MessageId);
        request.Headers.Add(WebhookSignature.TimestampHeader, timestamp);
        request.Headers.Add(WebhookSignature.SignatureHeader, WebhookSignature.Sign(delivery.MessageId, timestamp, payload, delivery.Secrets));
        request.Headers.UserAgent.Add(new ProductInfoHeaderValue("IdeogramJobs-Webhooks", "1.0"));
        try
        {
            using var response = await clients.CreateClient(WebhookHttpClient.Name).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            var code = (int)response.StatusCode;
            return new WebhookSendResult(code, code is >= 200 and < 300 ? null : $"The receiver answered {code} {response.ReasonPhrase}.");
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new WebhookSendResult(null, "The receiver did not answer in time.");
        }
        catch (HttpRequestException e)
        {
            return new WebhookSendResult(null, Cut(e.InnerException is { } inner ? $"{e.Message} {inner.Message}" : e.Message));
        }
    }

    private static string Cut(string text) => text.Length <= ErrorChars ? text : text[..ErrorChars];
}
