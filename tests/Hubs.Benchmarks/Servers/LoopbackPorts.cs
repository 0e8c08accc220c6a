using System.Net;
using System.Net.Sockets;

namespace Hubs.Benchmarks.Servers;

public static class LoopbackPorts
{
    /// <summary>A TCP port on 127.0.0.1 that is free right now.</summary>
    public static int GetFree()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
