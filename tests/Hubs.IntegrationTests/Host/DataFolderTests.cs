using Hubs.Storage.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Hubs.IntegrationTests.Host;

[Collection(HostCollection.Name)]
public sealed class DataFolderTests(HostFixture fixture)
{
    [Fact]
    public async Task FirstStart_KeepsSecretsPrivate_AndStoresArgon2idHashes()
    {
        var data = fixture.Host.DataDirectory;
        var accounts = fixture.Host.Services.GetRequiredService<IAccountStore>();

        var alice = await accounts.FindAsync("alice", TestContext.Current.CancellationToken);

        Assert.StartsWith("$argon2id$v=19$m=65536,t=3,p=1$", alice!.PasswordHash, StringComparison.Ordinal);
        Assert.Equal(6, alice.PasswordHash.Split('$').Length);
        Assert.DoesNotContain("=", alice.PasswordHash.Split('$')[4], StringComparison.Ordinal);
        if (!OperatingSystem.IsWindows())
        {
            const UnixFileMode ownerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            Assert.Equal(ownerOnly | UnixFileMode.UserExecute, File.GetUnixFileMode(data));
            Assert.Equal(ownerOnly, File.GetUnixFileMode(Path.Combine(data, "admin-password.txt")));
            Assert.Equal(ownerOnly, File.GetUnixFileMode(Path.Combine(data, "tls", "server.pfx")));
        }

        Assert.Equal(20, fixture.Host.AdminPassword.Length);
    }
}
