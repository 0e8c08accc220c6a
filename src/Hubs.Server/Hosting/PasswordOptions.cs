namespace Hubs.Server.Hosting;

/// <summary>Argon2id cost for new hashes. Verification always uses the parameters stored in the hash.</summary>
public sealed class PasswordOptions
{
    public int MemoryKiB { get; set; } = 65_536;

    public int Iterations { get; set; } = 3;

    /// <summary>Each hash holds <see cref="MemoryKiB"/> of memory; this bounds how many run at once.</summary>
    public int MaxConcurrentHashes { get; set; } = 2;
}
