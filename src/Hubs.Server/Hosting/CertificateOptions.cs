namespace Hubs.Server.Hosting;

/// <summary>The TLS certificate. Without a <see cref="Path"/> a self-signed one is generated on first start.</summary>
public sealed class CertificateOptions
{
    /// <summary>A PFX/PKCS#12 file, or a PEM certificate (with <see cref="KeyPath"/> or the key inside it).</summary>
    public string? Path { get; set; }

    public string? KeyPath { get; set; }

    public string? Password { get; set; }
}
