using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Hubs.Server;
using Hubs.Server.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Hubs.IntegrationTests.Host;

/// <summary>
/// The real Hubs host in this process: Kestrel on a free loopback HTTPS port, the co-hosted silo on a
/// free port, everything stored under <see cref="DataDirectory"/>. It can be stopped and started
/// again on the same data folder.
/// </summary>
public sealed class HubsTestHost : IAsyncDisposable
{
    private readonly bool _ownsDirectory;
    private WebApplication? _app;

    private HubsTestHost(string dataDirectory, bool ownsDirectory)
    {
        DataDirectory = dataDirectory;
        _ownsDirectory = ownsDirectory;
    }

    public string DataDirectory { get; }

    public Uri BaseAddress { get; private set; } = new("https://127.0.0.1/");

    /// <summary>SHA-256 of the certificate the host serves; clients trust exactly this one.</summary>
    public string CertificateFingerprint { get; private set; } = string.Empty;

    public IServiceProvider Services => _app?.Services ?? throw new InvalidOperationException("Not started.");

    public string AdminPassword =>
        File.ReadAllText(Path.Combine(DataDirectory, "admin-password.txt")).Trim();

    /// <summary>Starts a host on a new temporary data folder (deleted on dispose).</summary>
    public static async Task<HubsTestHost> StartAsync(
        IReadOnlyDictionary<string, string>? settings = null,
        CancellationToken cancellationToken = default)
    {
        var directory = Path.Combine(Path.GetTempPath(), "hubs-test-" + Guid.NewGuid().ToString("N"));
        var host = new HubsTestHost(directory, ownsDirectory: true);
        await host.StartAgainAsync(settings, cancellationToken);
        return host;
    }

    /// <summary>Starts the host (again) on the same data folder, on new free ports.</summary>
    public async Task StartAgainAsync(
        IReadOnlyDictionary<string, string>? settings = null,
        CancellationToken cancellationToken = default)
    {
        if (_app is not null)
        {
            throw new InvalidOperationException("The host is running.");
        }

        var args = new List<string>
        {
            "--urls=https://127.0.0.1:0",
            $"--Hubs:DataDirectory={DataDirectory}",
            $"--Hubs:Orleans:SiloPort={FreeTcpPort()}",
            "--Logging:LogLevel:Default=Warning",
        };
        args.AddRange((settings ?? new Dictionary<string, string>()).Select(s => $"--{s.Key}={s.Value}"));

        var app = HubsApp.Build([.. args]);
        await app.StartAsync(cancellationToken);
        _app = app;
        BaseAddress = new Uri(app.Urls.First());
        CertificateFingerprint = app.Services.GetRequiredService<ServerCertificate>().Sha256Fingerprint;
    }

    public async Task StopAsync()
    {
        if (_app is null)
        {
            return;
        }

        var app = _app;
        _app = null;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await app.StopAsync(timeout.Token);
        await app.DisposeAsync();
    }

    /// <summary>Accepts the host's own certificate on loopback, nothing else that fails validation.</summary>
    public bool ValidateCertificate(Uri? target, X509Certificate? certificate, SslPolicyErrors errors)
    {
        if (errors == SslPolicyErrors.None)
        {
            return true;
        }

        if (target is null || !target.IsLoopback || certificate is null)
        {
            return false;
        }

        var hash = Convert.ToHexString(certificate.GetCertHash(HashAlgorithmName.SHA256));
        return hash == CertificateFingerprint;
    }

    /// <summary>An HTTP client with its own cookie jar, not logged in.</summary>
    public ApiClient CreateClient()
    {
        var cookies = new CookieContainer();
        var handler = new HttpClientHandler
        {
            CookieContainer = cookies,
            UseCookies = true,
            ServerCertificateCustomValidationCallback = (request, certificate, _, errors) =>
                ValidateCertificate(request.RequestUri, certificate, errors),
        };
        var http = new HttpClient(handler) { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        return new ApiClient(this, http, cookies);
    }

    /// <summary>Logs in and returns the client holding the session.</summary>
    public async Task<ApiClient> LoginAsync(string user, string password)
    {
        var client = CreateClient();
        await client.LoginAsync(user, password);
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        if (_ownsDirectory)
        {
            SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(DataDirectory, recursive: true);
            }
            catch (IOException)
            {
                // A leftover temp folder is harmless.
            }
        }
    }

    private static int FreeTcpPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
