using System.Buffers.Binary;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace IdeogramJobs.Benchmarks.Deployment;

/// <summary>
/// Separate hosts on this one machine: a bridge in the root namespace on a private /24 no interface
/// or route of the machine uses yet, and per host a network namespace joined to it by a veth pair,
/// with one address. Every name starts with a prefix of this run ("ij" and six random hex digits), so
/// leftovers of a crashed run never clash with it, and cleanup deletes only what this run created:
/// on dispose, on Ctrl-C and on SIGTERM. Needs root and iproute2.
/// </summary>
public sealed class HostNetwork : IDisposable
{
    private const string Subnets = "10.231";
    private static readonly TimeSpan CommandBound = TimeSpan.FromSeconds(20);

    private readonly Lock gate = new();
    private readonly List<NetworkHost> hosts = [];
    private readonly List<PosixSignalRegistration> signals = [];
    private readonly string prefix;
    private readonly string bridge;
    private readonly string subnet;
    private bool cleaned;

    private HostNetwork(string prefix, string subnet)
    {
        this.prefix = prefix;
        this.subnet = subnet;
        bridge = prefix + "-br";

        // The default handling (ending the process) goes on after these; what this run created goes first.
        signals.Add(PosixSignalRegistration.Create(PosixSignal.SIGINT, _ => Dispose()));
        signals.Add(PosixSignalRegistration.Create(PosixSignal.SIGTERM, _ => Dispose()));
    }

    /// <summary>The bridge's own address in the root namespace: where relays listen for the hosts.</summary>
    public IPAddress Gateway => IPAddress.Parse(subnet + ".1");

    /// <summary>Why hosts cannot be made here (not root, no iproute2, namespaces refused), or null when they can.</summary>
    public static string? WhyUnavailable()
    {
        if (!Environment.IsPrivilegedProcess)
        {
            return "network namespaces need root, and this benchmark runs as an ordinary user";
        }

        var probe = NewPrefix() + "-probe";
        try
        {
            Ip("netns", "add", probe);
            Ip("netns", "del", probe);
            return null;
        }
        catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            return $"`ip netns` is not usable here: {e.Message}";
        }
    }

    /// <summary>Creates the bridge on a free private /24; hosts are added with <see cref="AddHost"/>.</summary>
    public static HostNetwork Create()
    {
        var network = new HostNetwork(NewPrefix(), FreeSubnet());
        try
        {
            Ip("link", "add", network.bridge, "type", "bridge");
            Ip("link", "set", network.bridge, "up");
            Ip("addr", "add", network.Gateway + "/24", "dev", network.bridge);
            return network;
        }
        catch
        {
            network.Dispose();
            throw;
        }
    }

    /// <summary>A new host named <paramref name="role"/> (its namespace is &lt;prefix&gt;-&lt;role&gt;) with the next address (.10, .11, ...).</summary>
    public NetworkHost AddHost(string role)
    {
        NetworkHost host;
        lock (gate)
        {
            ObjectDisposedException.ThrowIf(cleaned, this);
            var index = hosts.Count + 1;
            host = new NetworkHost($"{prefix}-{role}", IPAddress.Parse($"{subnet}.{9 + index}"), $"{prefix}-v{index}");
            hosts.Add(host);
        }

        var peer = $"{prefix}-p{hosts.IndexOf(host) + 1}";
        Ip("netns", "add", host.Namespace);
        Ip("link", "add", host.RootInterface, "type", "veth", "peer", "name", peer);
        Ip("link", "set", peer, "netns", host.Namespace);
        Ip("link", "set", host.RootInterface, "master", bridge);
        Ip("link", "set", host.RootInterface, "up");
        Ip("-n", host.Namespace, "addr", "add", host.Address + "/24", "dev", peer);
        Ip("-n", host.Namespace, "link", "set", peer, "up");
        Ip("-n", host.Namespace, "link", "set", "lo", "up");
        return host;
    }

    /// <summary>
    /// Ends a host as a power cut would: SIGKILL to every process in its namespace, then its veth and
    /// namespace deleted, so its address vanishes and packets to it go nowhere (no RST answers them).
    /// </summary>
    public void KillHost(NetworkHost host)
    {
        KillProcessesIn(host);
        Ip("link", "del", host.RootInterface);
        Ip("netns", "del", host.Namespace);
    }

    /// <summary>Kills what still runs in this run's namespaces and deletes them, their veths and the bridge; never anything else.</summary>
    public void Dispose()
    {
        lock (gate)
        {
            if (cleaned)
            {
                return;
            }

            cleaned = true;
        }

        foreach (var host in hosts.Where(h => File.Exists(Path.Combine("/run/netns", h.Namespace))))
        {
            KillProcessesIn(host);
            TryIp("netns", "del", host.Namespace);
        }

        foreach (var host in hosts)
        {
            TryIp("link", "del", host.RootInterface);
        }

        TryIp("link", "del", bridge);
        foreach (var signal in signals)
        {
            signal.Dispose();
        }
    }

    private static void KillProcessesIn(NetworkHost host)
    {
        var clock = Stopwatch.StartNew();
        while (Ip("netns", "pids", host.Namespace).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) is { Length: > 0 } pids)
        {
            if (clock.Elapsed > CommandBound)
            {
                throw new InvalidOperationException($"processes {string.Join(", ", pids)} in {host.Namespace} outlived SIGKILL for {CommandBound.TotalSeconds:0} s");
            }

            foreach (var pid in pids)
            {
                try
                {
                    using var process = Process.GetProcessById(int.Parse(pid, CultureInfo.InvariantCulture));
                    process.Kill();
                }
                catch (ArgumentException)
                {
                    // It ended between the listing and the kill.
                }
            }

            Thread.Sleep(50);
        }
    }

    private static string NewPrefix()
    {
        while (true)
        {
            var prefix = "ij" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(3));
            if (!Ip("netns", "list").Contains(prefix, StringComparison.Ordinal) && !Ip("-br", "link").Contains(prefix, StringComparison.Ordinal))
            {
                return prefix;
            }
        }
    }

    /// <summary>A 10.231.N.0/24 that no address or route of the machine overlaps, N drawn at random.</summary>
    private static string FreeSubnet()
    {
        var routes = Ip("-4", "route", "show", "table", "all").Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var addresses = Ip("-4", "-o", "addr").Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => string.Join(' ', line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(3)));
        var taken = routes.Concat(addresses)
            .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(NetworkOf).FirstOrDefault(network => network is not null))
            .OfType<IPNetwork>()
            .ToList();
        foreach (var third in Enumerable.Range(0, 256).OrderBy(_ => Random.Shared.Next()))
        {
            var candidate = IPNetwork.Parse($"{Subnets}.{third}.0/24");
            if (!taken.Any(t => t.Contains(candidate.BaseAddress) || candidate.Contains(t.BaseAddress)))
            {
                return $"{Subnets}.{third}";
            }
        }

        throw new InvalidOperationException($"every {Subnets}.N.0/24 is in use on this machine");
    }

    /// <summary>The network an "a.b.c.d" or "a.b.c.d/n" token names (host bits cleared), or null for any other token.</summary>
    private static IPNetwork? NetworkOf(string token)
    {
        var parts = token.Split('/');
        if (!IPAddress.TryParse(parts[0], out var address) || address.AddressFamily != System.Net.Sockets.AddressFamily.InterNetwork)
        {
            return null;
        }

        var length = parts.Length == 2 && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n <= 32 ? n : 32;
        var mask = length == 0 ? 0u : uint.MaxValue << (32 - length);
        var network = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(network, BinaryPrimitives.ReadUInt32BigEndian(address.GetAddressBytes()) & mask);
        return new IPNetwork(new IPAddress(network), length);
    }

    private static string? TryIp(params string[] args)
    {
        try
        {
            return Ip(args);
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    private static string Ip(params string[] args)
    {
        var start = new ProcessStartInfo("ip") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(CommandBound))
        {
            process.Kill();
            throw new InvalidOperationException($"`ip {string.Join(' ', args)}` did not end within {CommandBound.TotalSeconds:0} s");
        }

        return process.ExitCode == 0
            ? output.Result
            : throw new InvalidOperationException($"`ip {string.Join(' ', args)}` failed ({process.ExitCode}): {error.Result.Trim()}");
    }
}
