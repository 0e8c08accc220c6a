using System.Security.Cryptography;
using System.Text;
using Hubs.Server.Hosting;
using Hubs.Storage.Identity;

namespace Hubs.Server.Identity;

/// <summary>
/// On the first start (no accounts at all) creates the <c>admin</c> account with a random password
/// and writes the password to <c>{data}/admin-password.txt</c> (0600), never to the log.
/// </summary>
internal sealed partial class AdminBootstrap(
    IAccountStore accounts,
    PasswordHasher hasher,
    DataDirectory data,
    TimeProvider time,
    ILogger<AdminBootstrap> logger) : IHostedService
{
    public const string AdminUser = "admin";

    public const string PasswordFileName = "admin-password.txt";

    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (await accounts.CountAsync(cancellationToken) > 0)
        {
            return;
        }

        var password = RandomNumberGenerator.GetString(Alphabet, 20);
        var hash = await hasher.HashAsync(password, cancellationToken);
        var file = Path.Combine(data.Path, PasswordFileName);
        DataDirectory.WritePrivateFile(file, Encoding.UTF8.GetBytes(password + "\n"));
        await accounts.CreateAsync(
            new UserAccount(AdminUser, "Administrator", hash, IsAdmin: true, time.GetUtcNow()),
            cancellationToken);
        LogAdminCreated(logger, AdminUser, file);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
