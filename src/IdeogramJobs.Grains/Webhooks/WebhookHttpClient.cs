using System.Net;
using System.Net.Sockets;
using IdeogramJobs.Database.Webhooks;

namespace IdeogramJobs.Grains.Webhooks;

/// <summary>
/// The HTTP handler webhooks are sent through: no redirects, no proxy, and a connect callback that
/// resolves the host itself and connects only to an address the URL policy allows, so a name that
/// resolved to a public address when it was registered cannot be rebound to a private one later.
/// </summary>
public static class WebhookHttpClient
{
    public const string Name = "webhooks";

    public static SocketsHttpHandler CreateHandler(WebhookUrlPolicy policy) => new()
    {
        AllowAutoRedirect = false,
        UseProxy = false,
        PooledConnectionLifetime = TimeSpan.FromMinutes(1),
        ConnectCallback = async (context, cancellationToken) =>
        {
            var host = context.DnsEndPoint.Host;
            var addresses = IPAddress.TryParse(host.Trim('[', ']'), out var literal)
                ? [literal]
                : await Dns.GetHostAddressesAsync(host, cancellationToken);
            var allowed = addresses.Where(a => policy.MayConnect(host, a)).ToList();
            if (allowed.Count == 0)
            {
                throw new HttpRequestException($"The host '{host}' resolves only to addresses webhooks may not reach ({string.Join(", ", addresses.Select(a => a.ToString()))}); {WebhookOptions.AllowedHostsVariable} does not allow them.");
            }

            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync([.. allowed], context.DnsEndPoint.Port, cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
    };
}
