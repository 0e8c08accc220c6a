using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Hubs.Server.Hosting;

/// <summary>Marks the host healthy once started and tells the operator where to go.</summary>
internal sealed partial class StartupReporter(
    IServer server,
    IHostApplicationLifetime lifetime,
    HealthState health,
    ServerCertificate certificate,
    DataDirectory data,
    ILogger<StartupReporter> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(OnStarted);
        lifetime.ApplicationStopping.Register(health.MarkStopping);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private void OnStarted()
    {
        health.MarkReady();
        LogStarted(logger, data.Path);
        foreach (var address in server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [])
        {
            LogListening(logger, address);
        }

        LogCertificate(
            logger,
            certificate.Generated ? "generated and saved to" : "loaded from",
            certificate.Path,
            certificate.Sha256Fingerprint);
    }
}
