using System;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace TableFlow.Tests.Infrastructure;

/// <summary>Plain-socket helpers for failures Kestrel cannot script: refused connections, hosts that do not resolve.</summary>
public static class RawSockets
{
    /// <summary>A loopback port nothing listens on (bound once, then released), so connecting to it is refused.</summary>
    public static int ClosedPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    /// <summary>
    /// An <see cref="HttpClient"/> whose first <paramref name="refusals"/> connection attempts go to a closed port (and
    /// are really refused by the OS), and later ones to <paramref name="target"/>. Counts every attempt.
    /// </summary>
    public static (HttpClient Client, Func<int> Attempts) RefusingFirst(int refusals, Uri target)
    {
        var closed = ClosedPort();
        var attempts = 0;
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            ConnectCallback = async (context, cancellationToken) =>
            {
                var n = Interlocked.Increment(ref attempts);
                var port = n <= refusals ? closed : target.Port;
                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, port), cancellationToken);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        return (new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan }, () => Volatile.Read(ref attempts));
    }

    /// <summary>
    /// An <see cref="HttpClient"/> whose first <paramref name="failures"/> connection attempts fail the way a host name
    /// that does not resolve fails (a real DNS lookup of a <c>.invalid</c> name, RFC 6761), and later ones reach
    /// <paramref name="target"/>. Counts every attempt.
    /// </summary>
    public static (HttpClient Client, Func<int> Attempts) UnresolvableFirst(int failures, Uri target)
    {
        var attempts = 0;
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            ConnectCallback = async (context, cancellationToken) =>
            {
                if (Interlocked.Increment(ref attempts) <= failures)
                {
                    await Dns.GetHostAddressesAsync("no-such-host.invalid", cancellationToken);
                    throw new InvalidOperationException("no-such-host.invalid resolved; this test needs it not to.");
                }

                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, target.Port), cancellationToken);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        return (new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan }, () => Volatile.Read(ref attempts));
    }
}
