using Hubs.Contracts.Errors;
using Hubs.Storage.Identity;
using Hubs.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace Hubs.Tests.Identity;

public sealed class SqliteIdentityStoreTests : IDisposable
{
    private readonly string directory =
        Path.Combine(Path.GetTempPath(), "hubs-identity-tests", Guid.NewGuid().ToString("N"));

    private readonly SqliteAccountStore accounts;
    private readonly SqliteSessionStore sessions;

    public SqliteIdentityStoreTests()
    {
        var database = new SqliteDatabase(directory);
        accounts = new SqliteAccountStore(database);
        sessions = new SqliteSessionStore(database);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(directory, recursive: true);
    }

    [Fact]
    public async Task Accounts_CreateFindListCountAndMissing()
    {
        var ct = TestContext.Current.CancellationToken;
        var created = new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.FromHours(2));
        await accounts.CreateAsync(new UserAccount("zoe", "Zoe", "$argon2id$x", true, created), ct);
        await accounts.CreateAsync(new UserAccount("adam", "Adam", "$argon2id$y", false, created), ct);

        var duplicate = await Assert.ThrowsAsync<HubsException>(
            () => accounts.CreateAsync(new UserAccount("zoe", "Other", "h", false, created), ct));
        var zoe = await accounts.FindAsync("zoe", ct);
        var list = await accounts.ListAsync(ct);
        var missing = await accounts.FindMissingAsync(["adam", "ghost", "zoe", "nobody", "ghost"], ct);

        Assert.Equal(HubsError.Conflict, duplicate.Error);
        Assert.Equal(new UserAccount("zoe", "Zoe", "$argon2id$x", true, created), zoe);
        Assert.Null(await accounts.FindAsync("ghost", ct));
        Assert.Equal(["adam", "zoe"], list.Select(a => a.User));
        Assert.Equal(["ghost", "nobody"], missing);
        Assert.Equal(2, await accounts.CountAsync(ct));
    }

    [Fact]
    public async Task Sessions_CreateFindTouchDelete()
    {
        var ct = TestContext.Current.CancellationToken;
        var now = DateTimeOffset.UtcNow;
        await accounts.CreateAsync(new UserAccount("sam", "Sam", "h", false, now), ct);
        var session = new UserSession("hash1", "sam", "csrf", now, now);

        await sessions.CreateAsync(session, ct);
        var found = await sessions.FindAsync("hash1", ct);
        await sessions.TouchAsync("hash1", now.AddMinutes(5), ct);
        var touched = await sessions.FindAsync("hash1", ct);
        await sessions.DeleteAsync("hash1", ct);

        Assert.Equal(session, found);
        Assert.Equal(now.AddMinutes(5), touched?.LastSeenAt);
        Assert.Null(await sessions.FindAsync("hash1", ct));
    }
}
