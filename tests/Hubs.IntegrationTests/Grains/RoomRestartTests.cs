using Hubs.Contracts.Chat;
using Hubs.Storage;
using Hubs.Storage.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace Hubs.IntegrationTests.Grains;

/// <summary>A whole cluster stops and a new one starts on the same data folder.</summary>
public sealed class RoomRestartTests : IDisposable
{
    private readonly string directory =
        Path.Combine(Path.GetTempPath(), "hubs-restart-tests", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(directory, recursive: true);
    }

    [Fact]
    public async Task NewCluster_OnSameDataDirectory_ContinuesSeqAndKeepsRoom()
    {
        var timeout = TimeSpan.FromSeconds(60);
        var ct = TestContext.Current.CancellationToken;
        const string RoomId = "r.restart";
        ChatMessage last;
        await using (var first = await StartAsync())
        {
            var accounts = first.Silos[0].ServiceProvider.GetRequiredService<IAccountStore>();
            await accounts.CreateAsync(new UserAccount("ann", "Ann", "h", false, DateTimeOffset.UtcNow), ct);
            await accounts.CreateAsync(new UserAccount("ben", "Ben", "h", false, DateTimeOffset.UtcNow), ct);
            var room = first.Client.GetGrain<IChatRoomGrain>(RoomId);
            await room.CreateAsync("ann", "Durable", ["ben"], RoomKind.Group).WaitAsync(timeout, ct);
            await room.PostAsync("ben", "1", "before restart", null).WaitAsync(timeout, ct);
            last = await room.EditAsync("ben", 2, "edited before restart").WaitAsync(timeout, ct);
        }

        await using var second = await StartAsync();
        var again = second.Client.GetGrain<IChatRoomGrain>(RoomId);
        var info = await again.GetAsync("ann").WaitAsync(timeout, ct);
        var next = await again.PostAsync("ann", "1", "after restart", null).WaitAsync(timeout, ct);
        var page = await again.GetBeforeAsync("ben", long.MaxValue, 10).WaitAsync(timeout, ct);

        Assert.Equal("Durable", info.Name);
        Assert.Equal(["ann", "ben"], info.Members.Select(m => m.User));
        Assert.Equal(last.UpdatedSeq, info.LastSeq);
        Assert.Equal(last.UpdatedSeq + 1, next.Seq);
        Assert.Equal(
            ["edited before restart", "after restart"],
            page.Messages.Where(m => m.Kind == MessageKind.Text).Select(m => m.Text));
    }

    private async Task<InProcessTestCluster> StartAsync()
    {
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSilo((_, silo) => silo.AddHubsSqliteStorage(directory));
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return cluster;
    }
}
