namespace Hubs.Server.Hosting;

/// <summary>Ports of the co-hosted Orleans silo (localhost clustering).</summary>
public sealed class SiloOptions
{
    public int SiloPort { get; set; } = 11111;

    /// <summary>0 turns the Orleans gateway off: nothing outside the process speaks the client protocol.</summary>
    public int GatewayPort { get; set; }
}
