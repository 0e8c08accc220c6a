namespace Hubs.Server.Identity;

internal sealed partial class AdminBootstrap
{
    [LoggerMessage(EventId = 110, EventName = "AdminCreated", Level = LogLevel.Warning,
        Message = "Created the first account '{User}'; its password is in {PasswordFile} (readable by you only)")]
    private static partial void LogAdminCreated(ILogger logger, string user, string passwordFile);
}
