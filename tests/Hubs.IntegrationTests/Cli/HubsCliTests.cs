using System.Diagnostics;
using Hubs.IntegrationTests.Host;

namespace Hubs.IntegrationTests.Cli;

/// <summary>
/// The `hubs` CLI as an operator runs it: a separate process against a real server. A host of its
/// own, since it adds accounts that other tests would see.
/// </summary>
public sealed class HubsCliTests(LoggedHostFixture fixture) : IClassFixture<LoggedHostFixture>
{
    [Fact]
    public async Task Health_WithPinnedCertificate_PrintsStatus()
    {
        var result = await RunAsync("health", "--server", Server, "--pin", fixture.Host.CertificateFingerprint);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("\"status\":\"ok\"", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Health_WithWrongPin_FailsWithClearMessage()
    {
        var result = await RunAsync("health", "--server", Server, "--pin", new string('0', 64));

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("hubs: cannot reach the server", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UsersAdd_CreatesAnAccountThatCanLogIn_AndListShowsIt()
    {
        var passwordFile = Path.Combine(fixture.Host.DataDirectory, "admin-password.txt");
        var newPassword = Path.GetTempFileName();
        await File.WriteAllTextAsync(newPassword, "a long enough password\n", TestContext.Current.CancellationToken);

        var add = await RunAsync(
            "users", "add", "cli.carol", "--display-name", "Carol Cli",
            "--server", Server, "--pin", fixture.Host.CertificateFingerprint,
            "--password-file", passwordFile, "--new-password-file", newPassword);
        var list = await RunAsync(
            "users", "list", "--server", Server, "--pin", fixture.Host.CertificateFingerprint,
            "--password-file", passwordFile);

        Assert.Equal(0, add.ExitCode);
        Assert.Contains("Created cli.carol.", add.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("a long enough password", add.Output, StringComparison.Ordinal);
        Assert.Equal(0, list.ExitCode);
        Assert.Contains("Carol Cli", list.Output, StringComparison.Ordinal);
        using var carol = await fixture.Host.LoginAsync("cli.carol", "a long enough password");
        File.Delete(newPassword);
    }

    [Fact]
    public async Task UsersAdd_WithInvalidName_ReportsTheServersReason()
    {
        var passwordFile = Path.Combine(fixture.Host.DataDirectory, "admin-password.txt");

        var result = await RunAsync(
            "users", "add", "Not Valid!", "--server", Server, "--pin", fixture.Host.CertificateFingerprint,
            "--password-file", passwordFile);

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("hubs: 400", result.Error, StringComparison.Ordinal);
    }

    private string Server => fixture.Host.BaseAddress.ToString();

    private static async Task<CliResult> RunAsync(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
        };
        start.ArgumentList.Add(CliAssembly());
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken).WaitAsync(TimeSpan.FromSeconds(60));
        return new CliResult(process.ExitCode, await output, await error);
    }

    /// <summary>hubs.dll as built beside this test assembly's configuration (the project reference builds it).</summary>
    private static string CliAssembly()
    {
        var here = new DirectoryInfo(AppContext.BaseDirectory);
        var configuration = here.Parent!.Name;
        var root = here;
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Hubs.sln")))
        {
            root = root.Parent;
        }

        Assert.NotNull(root);
        return Path.Combine(root.FullName, "src", "Hubs.Cli", "bin", configuration, "net10.0", "hubs.dll");
    }

    private sealed record CliResult(int ExitCode, string Output, string Error);
}
