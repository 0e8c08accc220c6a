namespace Hubs.Server.Hosting;

/// <summary>The <c>Hubs</c> configuration section.</summary>
public sealed class HubsOptions
{
    public const string SectionName = "Hubs";

    public const string DefaultUrls = "https://localhost:8443";

    /// <summary>Where everything the instance stores lives; relative paths are under the current directory.</summary>
    public string DataDirectory { get; set; } = "data";

    /// <summary>Addresses Kestrel listens on when <c>--urls</c> is not given.</summary>
    public string? Urls { get; set; }

    public CertificateOptions Certificate { get; set; } = new();

    public SiloOptions Orleans { get; set; } = new();

    public PasswordOptions Passwords { get; set; } = new();
}
