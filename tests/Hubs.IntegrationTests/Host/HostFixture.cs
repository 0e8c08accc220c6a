namespace Hubs.IntegrationTests.Host;

/// <summary>One running host per collection, with the admin and two users, alice and bob.</summary>
public sealed class HostFixture : IAsyncLifetime
{
    public const string Password = "correct horse battery";

    public HubsTestHost Host { get; private set; } = null!;

    public ApiClient Admin { get; private set; } = null!;

    public ApiClient Alice { get; private set; } = null!;

    public ApiClient Bob { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Host = await HubsTestHost.StartAsync();
        Admin = await Host.LoginAsync("admin", Host.AdminPassword);
        await Task.WhenAll(CreateUserAsync("alice", "Alice"), CreateUserAsync("bob", "Bob"));
        var logins = await Task.WhenAll(Host.LoginAsync("alice", Password), Host.LoginAsync("bob", Password));
        (Alice, Bob) = (logins[0], logins[1]);
    }

    public async ValueTask DisposeAsync()
    {
        Admin?.Dispose();
        Alice?.Dispose();
        Bob?.Dispose();
        if (Host is not null)
        {
            await Host.DisposeAsync();
        }
    }

    private async Task CreateUserAsync(string user, string displayName)
    {
        using var response = await Admin.SendAsync(
            HttpMethod.Post,
            "/api/v1/users",
            new { user, password = Password, displayName });
        await ApiClient.EnsureStatusAsync(response, System.Net.HttpStatusCode.Created);
    }
}
