using System.Net;

namespace IdeogramJobs.Database.Webhooks;

/// <summary>
/// The operator's exceptions to the public-addresses-only rule (WEBHOOK_ALLOWED_HOSTS): host names
/// (exact, case-insensitive), IP addresses and CIDR ranges such as <c>10.0.0.0/8</c> or <c>::1/128</c>.
/// </summary>
public sealed class WebhookAllowList(IReadOnlyList<string> hosts, IReadOnlyList<IPNetwork> networks)
{
    public static WebhookAllowList Empty { get; } = new([], []);

    public bool AllowsHost(string host) => hosts.Contains(host.Trim('[', ']'), StringComparer.OrdinalIgnoreCase);

    public bool AllowsAddress(IPAddress address)
    {
        var plain = address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
        return networks.Any(n => n.Contains(plain));
    }

    public static WebhookAllowList Parse(string? text)
    {
        var hosts = new List<string>();
        var networks = new List<IPNetwork>();
        foreach (var entry in Entries(text))
        {
            if (IPNetwork.TryParse(entry, out var network))
            {
                networks.Add(network);
            }
            else if (IPAddress.TryParse(entry, out var address))
            {
                networks.Add(new IPNetwork(address, address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128));
            }
            else
            {
                hosts.Add(entry);
            }
        }

        return new WebhookAllowList(hosts, networks);
    }

    /// <summary>What is wrong with the list's text, or null when every entry is a host name, an address or a CIDR range.</summary>
    public static string? Problem(string? text)
    {
        foreach (var entry in Entries(text))
        {
            var looksNumeric = entry.Contains('/') || entry.Contains(':') || entry.All(c => char.IsAsciiDigit(c) || c == '.');
            if (looksNumeric ? !IPNetwork.TryParse(entry, out _) && !IPAddress.TryParse(entry, out _) : Uri.CheckHostName(entry) != UriHostNameType.Dns)
            {
                return $"'{entry}' is neither a host name, an IP address nor a CIDR range (e.g. 10.0.0.0/8).";
            }
        }

        return null;
    }

    private static IEnumerable<string> Entries(string? text) =>
        (text ?? string.Empty).Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
