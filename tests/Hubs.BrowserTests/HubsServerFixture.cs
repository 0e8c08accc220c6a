using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Playwright;

namespace Hubs.BrowserTests;

/// <summary>
/// Runs the real Hubs server as a child process on free ports with a throw-away data directory,
/// creates the users alice and bob, and shares one headless Chromium for all browser tests.
/// </summary>
public sealed class HubsServerFixture : IAsyncLifetime
{
    public const string AlicePassword = "alice-password-1";
    public const string BobPassword = "bob-password-1";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);
    private readonly ConcurrentQueue<string> _serverOutput = new();
    private readonly string _dataDirectory =
        Path.Combine(Path.GetTempPath(), "hubs-browser-tests-" + Guid.NewGuid().ToString("N"));

    private Process? _server;
    private IPlaywright? _playwright;

    public Uri BaseAddress { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>The first admin's password, as the server wrote it to its data folder.</summary>
    public string AdminPassword { get; private set; } = string.Empty;

    /// <summary>The last lines the server wrote, for failure messages.</summary>
    public string ServerOutputTail => string.Join('\n', _serverOutput.TakeLast(40));

    public async ValueTask InitializeAsync()
    {
        // On a busy 2-core CI machine a login (Argon2id, 64 MiB) can take seconds; Playwright's
        // default of 5 s for expectations is too tight there.
        Assertions.SetDefaultExpectTimeout(15_000);
        var ct = TestContext.Current.CancellationToken;
        var httpsPort = FreePort.Next();
        BaseAddress = new Uri($"https://127.0.0.1:{httpsPort}");
        Directory.CreateDirectory(_dataDirectory);
        StartServer(httpsPort, FreePort.Next());
        await WaitForHealthAsync(ct);

        AdminPassword = (await File.ReadAllTextAsync(
            Path.Combine(_dataDirectory, "admin-password.txt"), ct)).Trim();
        using (var admin = await ApiSession.LoginAsync(BaseAddress, "admin", AdminPassword, ct))
        {
            await admin.PostAsync("/api/v1/users", new { user = "alice", password = AlicePassword, displayName = "Alice" }, ct);
            await admin.PostAsync("/api/v1/users", new { user = "bob", password = BobPassword, displayName = "Bob" }, ct);
        }

        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args =
            [
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
            ],
        });
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
        if (_server is { HasExited: false })
        {
            _server.Kill(entireProcessTree: true);
            await _server.WaitForExitAsync(CancellationToken.None);
        }

        _server?.Dispose();
        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }

    /// <summary>A fresh browser context (own cookies) that trusts the server's self-signed certificate.</summary>
    public Task<IBrowserContext> NewContextAsync(ViewportSize? viewport = null) =>
        Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            IgnoreHTTPSErrors = true,
            ViewportSize = viewport ?? new ViewportSize { Width = 1280, Height = 720 },
        });

    internal Task<ApiSession> LoginApiAsync(string user, string password) =>
        ApiSession.LoginAsync(BaseAddress, user, password, TestContext.Current.CancellationToken);

    private void StartServer(int httpsPort, int siloPort)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = _dataDirectory,
        };
        start.ArgumentList.Add(RepoPaths.ServerDll());
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add($"https://127.0.0.1:{httpsPort}");
        start.ArgumentList.Add($"--Hubs:DataDirectory={_dataDirectory}");
        start.ArgumentList.Add($"--Hubs:Orleans:SiloPort={siloPort}");
        start.Environment["Logging__LogLevel__Default"] = "Warning";

        _server = new Process { StartInfo = start };
        _server.OutputDataReceived += (_, e) => Keep(e.Data);
        _server.ErrorDataReceived += (_, e) => Keep(e.Data);
        _server.Start();
        _server.BeginOutputReadLine();
        _server.BeginErrorReadLine();
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        _serverOutput.Enqueue(line);
        while (_serverOutput.Count > 200 && _serverOutput.TryDequeue(out _))
        {
        }
    }

    private async Task WaitForHealthAsync(CancellationToken ct)
    {
        using var http = ApiSession.NewClient(BaseAddress);
        http.Timeout = TimeSpan.FromSeconds(5);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(StartTimeout);
        using var poll = new PeriodicTimer(TimeSpan.FromMilliseconds(250));
        try
        {
            do
            {
                if (_server!.HasExited)
                {
                    throw new InvalidOperationException(
                        $"The server exited with code {_server.ExitCode}:\n{ServerOutputTail}");
                }

                try
                {
                    using var response = await http.GetAsync("/health", deadline.Token);
                    if (response.IsSuccessStatusCode)
                    {
                        return;
                    }
                }
                catch (HttpRequestException)
                {
                    // Not listening yet.
                }
                catch (TaskCanceledException) when (!deadline.IsCancellationRequested)
                {
                    // One slow answer during start-up; ask again.
                }
            }
            while (await poll.WaitForNextTickAsync(deadline.Token));
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            throw new TimeoutException($"GET /health did not answer 200 within {StartTimeout}:\n{ServerOutputTail}");
        }
    }
}
