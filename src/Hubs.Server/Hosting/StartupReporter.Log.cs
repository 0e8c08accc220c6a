namespace Hubs.Server.Hosting;

internal sealed partial class StartupReporter
{
    [LoggerMessage(EventId = 1, EventName = "Started", Level = LogLevel.Information,
        Message = "Hubs started; data folder {DataDirectory}")]
    private static partial void LogStarted(ILogger logger, string dataDirectory);

    [LoggerMessage(EventId = 2, EventName = "Listening", Level = LogLevel.Information,
        Message = "Open {Address} in a browser")]
    private static partial void LogListening(ILogger logger, string address);

    [LoggerMessage(EventId = 3, EventName = "Certificate", Level = LogLevel.Information,
        Message = "TLS certificate {Origin} {Path}; SHA-256 fingerprint {Fingerprint}")]
    private static partial void LogCertificate(ILogger logger, string origin, string path, string fingerprint);
}
