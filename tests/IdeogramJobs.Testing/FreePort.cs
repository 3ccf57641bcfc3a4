using System.Net;
using System.Net.Sockets;

namespace IdeogramJobs.Testing;

/// <summary>
/// A loopback port nobody listens on right now, taken below the kernel's ephemeral range (32768-60999 on Linux). A port
/// that bind(0) hands out comes from that range, which is also where every outgoing connection gets its local port, so
/// between the check and the listen a busy test run's connections could take it: a silo then failed to start with
/// "Address already in use". Each process starts at a random place in the range and moves on from there, so parallel
/// test processes rarely try the same port, and one found taken is skipped.
/// </summary>
public static class FreePort
{
    private const int First = 10_000;
    private const int Count = 22_000;

    private static int offset = Random.Shared.Next(Count);

    public static int Next()
    {
        for (var tried = 0; tried < Count; tried++)
        {
            var port = First + (int)((uint)Interlocked.Increment(ref offset) % Count);
            if (IsFree(port))
            {
                return port;
            }
        }

        throw new InvalidOperationException($"No free loopback port between {First} and {First + Count - 1}.");
    }

    private static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
