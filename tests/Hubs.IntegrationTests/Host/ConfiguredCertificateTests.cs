using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Hubs.IntegrationTests.Host;

/// <summary>A certificate the operator configures replaces the generated one. Its own host.</summary>
public sealed class ConfiguredCertificateTests
{
    [Fact]
    public async Task ConfiguredPemCertificate_IsServed_AndNoneIsGenerated()
    {
        var folder = Directory.CreateTempSubdirectory("hubs-cert-").FullName;
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=hubs.example.test", key, HashAlgorithmName.SHA256);
        using var certificate = request.CreateSelfSigned(
            DateTimeOffset.UtcNow.AddMinutes(-5),
            DateTimeOffset.UtcNow.AddDays(1));
        var certPath = Path.Combine(folder, "cert.pem");
        var keyPath = Path.Combine(folder, "key.pem");
        await File.WriteAllTextAsync(certPath, certificate.ExportCertificatePem(), TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(keyPath, key.ExportPkcs8PrivateKeyPem(), TestContext.Current.CancellationToken);
        var expected = Convert.ToHexString(certificate.GetCertHash(HashAlgorithmName.SHA256));

        await using var host = await HubsTestHost.StartAsync(
            new Dictionary<string, string>
            {
                ["Hubs:Certificate:Path"] = certPath,
                ["Hubs:Certificate:KeyPath"] = keyPath,
            },
            TestContext.Current.CancellationToken);
        var served = await ServedCertificateHashAsync(host.BaseAddress);

        Assert.Equal(expected, served);
        Assert.Equal(expected, host.CertificateFingerprint);
        Assert.False(File.Exists(Path.Combine(host.DataDirectory, "tls", "server.pfx")));
        Directory.Delete(folder, recursive: true);
    }

    private static async Task<string> ServedCertificateHashAsync(Uri address)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(address.Host, address.Port, TestContext.Current.CancellationToken);
        string? hash = null;
        await using var tls = new SslStream(tcp.GetStream(), false, (_, certificate, _, _) =>
        {
            hash = certificate is null ? null : Convert.ToHexString(certificate.GetCertHash(HashAlgorithmName.SHA256));
            return true;
        });
        await tls.AuthenticateAsClientAsync(
            new SslClientAuthenticationOptions { TargetHost = "hubs.example.test" },
            TestContext.Current.CancellationToken).WaitAsync(TimeSpan.FromSeconds(10));
        return hash ?? throw new InvalidOperationException("The server presented no certificate.");
    }
}
