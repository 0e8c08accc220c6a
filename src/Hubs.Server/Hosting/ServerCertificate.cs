using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Hubs.Server.Hosting;

/// <summary>The certificate Kestrel serves, and where it came from.</summary>
public sealed class ServerCertificate
{
    private ServerCertificate(X509Certificate2 certificate, string path, bool generated)
    {
        Certificate = certificate;
        Path = path;
        Generated = generated;
        Sha256Fingerprint = Convert.ToHexString(certificate.GetCertHash(HashAlgorithmName.SHA256));
    }

    public X509Certificate2 Certificate { get; }

    public string Path { get; }

    /// <summary>True when this start generated the certificate (it did not exist before).</summary>
    public bool Generated { get; }

    public string Sha256Fingerprint { get; }

    /// <summary>
    /// Loads the configured certificate, or the generated one under <c>{data}/tls/server.pfx</c>,
    /// generating it first if needed.
    /// </summary>
    public static ServerCertificate Load(CertificateOptions options, DataDirectory data)
    {
        if (!string.IsNullOrWhiteSpace(options.Path))
        {
            return new ServerCertificate(LoadConfigured(options), options.Path, generated: false);
        }

        var folder = System.IO.Path.Combine(data.Path, "tls");
        var file = System.IO.Path.Combine(folder, "server.pfx");
        if (File.Exists(file))
        {
            return new ServerCertificate(X509CertificateLoader.LoadPkcs12FromFile(file, null), file, generated: false);
        }

        DataDirectory.CreatePrivate(folder);
        using var created = CreateSelfSigned();
        var pfx = created.Export(X509ContentType.Pkcs12);
        DataDirectory.WritePrivateFile(file, pfx);
        return new ServerCertificate(X509CertificateLoader.LoadPkcs12(pfx, null), file, generated: true);
    }

    private static X509Certificate2 LoadConfigured(CertificateOptions options)
    {
        var path = options.Path!;
        var extension = System.IO.Path.GetExtension(path).ToLowerInvariant();
        if (extension is ".pfx" or ".p12")
        {
            return X509CertificateLoader.LoadPkcs12FromFile(path, options.Password);
        }

        var pem = string.IsNullOrEmpty(options.Password)
            ? X509Certificate2.CreateFromPemFile(path, options.KeyPath)
            : X509Certificate2.CreateFromEncryptedPemFile(path, options.Password, options.KeyPath);

        // Round-trip through PKCS#12 so the private key is usable by SslStream on every platform.
        using (pem)
        {
            return X509CertificateLoader.LoadPkcs12(pem.Export(X509ContentType.Pkcs12), null);
        }
    }

    private static X509Certificate2 CreateSelfSigned()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var subject = new X500DistinguishedName("CN=localhost, O=Hubs self-signed");
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);

        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        names.AddIpAddress(IPAddress.Loopback);
        names.AddIpAddress(IPAddress.IPv6Loopback);
        var machine = Environment.MachineName.ToLowerInvariant();
        if (machine.Length > 0 && machine != "localhost" && Uri.CheckHostName(machine) == UriHostNameType.Dns)
        {
            names.AddDnsName(machine);
        }

        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, critical: true));
        request.CertificateExtensions.Add(
            new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, critical: true));
        request.CertificateExtensions.Add(
            new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], critical: false));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, critical: false));

        var now = DateTimeOffset.UtcNow;
        return request.CreateSelfSigned(now.AddMinutes(-5), now.AddYears(1));
    }
}
