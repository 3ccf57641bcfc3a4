using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;

namespace IdeogramJobs.Database.Webhooks;

/// <summary>
/// Where a webhook may be sent: an absolute http(s) URL without credentials whose host resolves only to
/// public addresses, unless WEBHOOK_ALLOWED_HOSTS names the host or covers the address. Checked when a
/// URL is registered and again, on the address actually connected to, when a delivery is sent.
/// </summary>
public sealed class WebhookUrlPolicy(IOptions<WebhookOptions> options)
{
    public const int MaxUrlChars = 2048;

    private readonly WebhookAllowList allowList = options.Value.AllowList;

    /// <summary>Why the URL may not be used, or null when it may.</summary>
    public async Task<string?> ProblemAsync(string? url, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return "A webhook URL is required.";
        }

        if (url.Length > MaxUrlChars)
        {
            return $"A webhook URL is at most {MaxUrlChars} characters.";
        }

        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            return "A webhook URL must be an absolute http or https URL.";
        }

        if (uri.UserInfo.Length > 0)
        {
            return "A webhook URL may not carry a user name or password.";
        }

        if (allowList.AllowsHost(uri.IdnHost))
        {
            return null;
        }

        IPAddress[] addresses;
        try
        {
            addresses = IPAddress.TryParse(uri.IdnHost.Trim('[', ']'), out var literal)
                ? [literal]
                : await Dns.GetHostAddressesAsync(uri.IdnHost, cancellationToken);
        }
        catch (SocketException)
        {
            return $"The host '{uri.Host}' does not resolve.";
        }

        if (addresses.Length == 0)
        {
            return $"The host '{uri.Host}' does not resolve.";
        }

        return addresses.FirstOrDefault(a => !MayConnect(uri.IdnHost, a)) is { } refused
            ? $"The host '{uri.Host}' resolves to {refused}, a private, loopback, link-local or otherwise non-public address; {WebhookOptions.AllowedHostsVariable} does not allow it."
            : null;
    }

    /// <summary>Whether a connection to the address, reached for the host, is allowed.</summary>
    public bool MayConnect(string host, IPAddress address) =>
        allowList.AllowsHost(host) || allowList.AllowsAddress(address) || WebhookAddressClassifier.IsPublic(address);
}
