using System.Net;

namespace IdeogramJobs.Hosting.Health;

/// <summary>
/// The container healthcheck of the silo and the API (`dotnet &lt;service&gt;.dll health`): GET /health/ready of
/// this process and exit 0 on 200, 1 otherwise (Docker reads 1 as unhealthy and reserves other codes).
/// </summary>
public static class ReadinessProbe
{
    public const string Command = "health";
    public const int Healthy = 0;
    public const int Unhealthy = 1;

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    public static async Task<int> RunAsync(string host, int port, TextWriter output)
    {
        var uri = new UriBuilder(Uri.UriSchemeHttp, host, port, "/health/ready").Uri;
        using var client = new HttpClient { Timeout = Timeout };
        try
        {
            using var response = await client.GetAsync(uri);
            await output.WriteLineAsync($"{uri} answered {(int)response.StatusCode}");
            return response.StatusCode == HttpStatusCode.OK ? Healthy : Unhealthy;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            await output.WriteLineAsync($"{uri} did not answer within {Timeout.TotalSeconds:0} s or refused the connection ({e.GetType().Name})");
            return Unhealthy;
        }
    }

    /// <summary>Where to reach a listener bound to <paramref name="bindAddress"/>: loopback when it listens on every address.</summary>
    public static string LocalHost(IPAddress bindAddress) =>
        bindAddress.Equals(IPAddress.Any) || bindAddress.Equals(IPAddress.IPv6Any) ? IPAddress.Loopback.ToString() : bindAddress.ToString();
}
