using Hubs.Storage.Sqlite;
using Orleans.Runtime;
using Orleans.Storage;

namespace Hubs.IntegrationTests.Grains;

public sealed class SqliteGrainStorageTests : IDisposable
{
    private readonly string directory =
        Path.Combine(Path.GetTempPath(), "hubs-storage-tests", Guid.NewGuid().ToString("N"));

    private readonly SqliteGrainStorage storage;

    public SqliteGrainStorageTests()
    {
        storage = new SqliteGrainStorage("Default", new SqliteDatabase(directory));
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(directory, recursive: true);
    }

    [Fact]
    public async Task WriteAndRead_RoundTripWithVersionEtags()
    {
        var id = GrainId.Create("test", "round-trip");
        var state = new GrainState<Probe> { State = new Probe { Name = "a", Count = 1 } };

        await storage.WriteStateAsync("probe", id, state);
        var firstEtag = state.ETag;
        state.State.Count = 2;
        await storage.WriteStateAsync("probe", id, state);
        var read = new GrainState<Probe>();
        await storage.ReadStateAsync("probe", id, read);

        Assert.Equal("1", firstEtag);
        Assert.Equal("2", state.ETag);
        Assert.True(read.RecordExists);
        Assert.Equal("2", read.ETag);
        Assert.Equal(("a", 2), (read.State!.Name, read.State.Count));
    }

    [Fact]
    public async Task Write_WithStaleOrMissingEtag_ThrowsAndKeepsStoredState()
    {
        var id = GrainId.Create("test", "conflict");
        var writer = new GrainState<Probe> { State = new Probe { Name = "first" } };
        await storage.WriteStateAsync("probe", id, writer);
        var stale = new GrainState<Probe> { State = new Probe { Name = "stale" }, ETag = writer.ETag };
        await storage.WriteStateAsync("probe", id, writer);

        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync("probe", id, stale));
        var fresh = new GrainState<Probe> { State = new Probe { Name = "new" } };
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync("probe", id, fresh));
        var read = new GrainState<Probe>();
        await storage.ReadStateAsync("probe", id, read);

        Assert.Equal("first", read.State!.Name);
        Assert.Equal(writer.ETag, read.ETag);
    }

    [Fact]
    public async Task Clear_ChecksEtagThenRemovesState()
    {
        var id = GrainId.Create("test", "clear");
        var state = new GrainState<Probe> { State = new Probe { Name = "x" } };
        await storage.WriteStateAsync("probe", id, state);
        var stale = new GrainState<Probe> { ETag = "7" };

        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.ClearStateAsync("probe", id, stale));
        await storage.ClearStateAsync("probe", id, state);
        var read = new GrainState<Probe>();
        await storage.ReadStateAsync("probe", id, read);

        Assert.Null(state.ETag);
        Assert.False(read.RecordExists);
        Assert.Null(read.ETag);
        Assert.Equal("", read.State!.Name);
    }

    [Fact]
    public async Task States_AreKeyedByStateNameAndGrain()
    {
        var a = GrainId.Create("test", "a");
        var b = GrainId.Create("test", "b");
        await storage.WriteStateAsync("one", a, new GrainState<Probe> { State = new Probe { Name = "a1" } });
        await storage.WriteStateAsync("two", a, new GrainState<Probe> { State = new Probe { Name = "a2" } });

        var other = new GrainState<Probe>();
        await storage.ReadStateAsync("one", b, other);
        var two = new GrainState<Probe>();
        await storage.ReadStateAsync("two", a, two);

        Assert.False(other.RecordExists);
        Assert.Equal("a2", two.State!.Name);
    }

    public sealed class Probe
    {
        public string Name { get; set; } = "";

        public int Count { get; set; }
    }
}
