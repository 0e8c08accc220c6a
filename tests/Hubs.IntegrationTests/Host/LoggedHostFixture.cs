namespace Hubs.IntegrationTests.Host;

/// <summary>A host of its own whose log, at Debug, is captured; with the admin logged in.</summary>
public sealed class LoggedHostFixture : IAsyncLifetime
{
    public CapturedLogs Logs { get; } = new();

    public HubsTestHost Host { get; private set; } = null!;

    public ApiClient Admin { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        var settings = new Dictionary<string, string>
        {
            ["Logging:LogLevel:Default"] = "Debug",

            // Cheap hashes: these tests create several accounts and are not about Argon2's cost.
            ["Hubs:Passwords:MemoryKiB"] = "8192",
            ["Hubs:Passwords:Iterations"] = "1",
        };
        Host = await HubsTestHost.StartAsync(settings, TestContext.Current.CancellationToken, Logs);
        Admin = await Host.LoginAsync("admin", Host.AdminPassword);
    }

    public async ValueTask DisposeAsync()
    {
        Admin?.Dispose();
        if (Host is not null)
        {
            await Host.DisposeAsync();
        }
    }
}
