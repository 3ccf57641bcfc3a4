using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace IdeogramJobs.Benchmarks.Deployment;

/// <summary>
/// Forwards TCP connections from an address on the hosts' bridge to a server that listens on the
/// root namespace's loopback only (MariaDB, the simulator): the namespaced hosts reach it as they
/// would a server on their network, and it stays out of reach of every other interface.
/// </summary>
public sealed class TcpRelay : IAsyncDisposable
{
    private readonly TcpListener listener;
    private readonly IPEndPoint target;
    private readonly CancellationTokenSource stopping = new();
    private readonly ConcurrentDictionary<Task, bool> pipes = new();
    private readonly Task accepting;

    private TcpRelay(IPAddress listenOn, IPEndPoint target)
    {
        this.target = target;
        listener = new TcpListener(listenOn, 0);
        listener.Start();
        accepting = AcceptAsync();
    }

    /// <summary>Where the relay listens: the bridge address and a port the system chose.</summary>
    public IPEndPoint Endpoint => (IPEndPoint)listener.LocalEndpoint;

    public static TcpRelay Start(IPAddress listenOn, IPEndPoint target) => new(listenOn, target);

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        listener.Stop();
        await accepting;
        await Task.WhenAll(pipes.Keys);
        stopping.Dispose();
    }

    private async Task AcceptAsync()
    {
        try
        {
            while (true)
            {
                var client = await listener.AcceptTcpClientAsync(stopping.Token);
                var pipe = PipeAsync(client);
                pipes[pipe] = true;
                _ = pipe.ContinueWith(ended => pipes.TryRemove(ended, out _), TaskScheduler.Default);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException && stopping.IsCancellationRequested)
        {
            // The relay is being disposed.
        }
    }

    private async Task PipeAsync(TcpClient client)
    {
        using (client)
        using (var server = new TcpClient())
        {
            try
            {
                client.NoDelay = true;
                server.NoDelay = true;
                await server.ConnectAsync(target, stopping.Token);
                var inbound = client.GetStream();
                var outbound = server.GetStream();

                // Either side closing ends the pair; the other is closed with it.
                await Task.WhenAny(inbound.CopyToAsync(outbound, stopping.Token), outbound.CopyToAsync(inbound, stopping.Token));
            }
            catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
            {
                // A connection that breaks or is cut off by disposal simply ends, as it would through a router.
            }
        }
    }
}
