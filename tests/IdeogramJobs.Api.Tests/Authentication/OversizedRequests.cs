namespace IdeogramJobs.Api.Tests.Authentication;

/// <summary>Sending a body the API should refuse for its size.</summary>
public static class OversizedRequests
{
    /// <summary>
    /// POSTs <paramref name="content"/> asking first (Expect: 100-continue), as a careful client does with a large
    /// body: the server's 413 then comes before the upload, instead of racing it and breaking the connection.
    /// </summary>
    public static Task<HttpResponseMessage> PostLargeAsync(this HttpClient http, string path, HttpContent content)
    {
        var message = new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative)) { Content = content };
        message.Headers.ExpectContinue = true;
        return http.SendAsync(message);
    }
}
