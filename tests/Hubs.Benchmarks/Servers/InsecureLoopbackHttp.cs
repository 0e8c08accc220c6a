using System.Net;
using System.Net.Security;

namespace Hubs.Benchmarks.Servers;

public static class InsecureLoopbackHttp
{
    /// <summary>
    /// An HTTP/1.1 client that accepts the server's self-signed certificate (loopback benchmark
    /// only), sends cookies by hand and keeps up to <paramref name="connections"/> connections alive.
    /// </summary>
    public static HttpClient Create(int connections)
    {
        var handler = new SocketsHttpHandler
        {
            UseCookies = false,
            AllowAutoRedirect = false,
            MaxConnectionsPerServer = connections,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
            AutomaticDecompression = DecompressionMethods.None,
            SslOptions = new SslClientAuthenticationOptions
            {
                RemoteCertificateValidationCallback = (_, _, _, _) => true,
            },
        };
        return new HttpClient(handler)
        {
            DefaultRequestVersion = HttpVersion.Version11,
            DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Timeout = TimeSpan.FromSeconds(30),
        };
    }
}
