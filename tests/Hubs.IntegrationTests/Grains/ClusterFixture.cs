using Hubs.Storage;
using Hubs.Storage.Identity;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace Hubs.IntegrationTests.Grains;

/// <summary>
/// Two in-process silos on the real SQLite storage in a temp folder, shared by every grain test.
/// Tests use fresh room ids and user names, so they never see each other's data.
/// </summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    public string DataDirectory { get; } =
        Path.Combine(Path.GetTempPath(), "hubs-grain-tests", Guid.NewGuid().ToString("N"));

    public InProcessTestCluster Cluster { get; private set; } = null!;

    public IClusterClient Client => Cluster.Client;

    public async ValueTask InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(2);
        builder.ConfigureSilo((_, silo) => silo.AddHubsSqliteStorage(DataDirectory));
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await Cluster.DisposeAsync();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A pooled connection may still hold the file; the OS temp folder is cleaned anyway.
        }
    }

    /// <summary>The grain factory inside silo <paramref name="index"/>, as the web host there uses it.</summary>
    public IGrainFactory SiloGrainFactory(int index) =>
        Cluster.Silos[index].ServiceProvider.GetRequiredService<IGrainFactory>();

    public T SiloService<T>(int index)
        where T : notnull =>
        Cluster.Silos[index].ServiceProvider.GetRequiredService<T>();

    /// <summary>Creates accounts with fresh names and returns the names, in order.</summary>
    public async Task<string[]> CreateUsersAsync(int count)
    {
        var accounts = SiloService<IAccountStore>(0);
        var users = new string[count];
        for (var i = 0; i < count; i++)
        {
            users[i] = "u" + Guid.NewGuid().ToString("N")[..12];
            var account = new UserAccount(users[i], users[i], "not-a-real-hash", false, DateTimeOffset.UtcNow);
            await accounts.CreateAsync(account);
        }

        return users;
    }

    public static string NewRoomId() => "r." + Guid.NewGuid().ToString("N");
}
