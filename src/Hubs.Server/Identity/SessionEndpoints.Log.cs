namespace Hubs.Server.Identity;

internal static partial class SessionEndpoints
{
    [LoggerMessage(EventId = 100, EventName = "LoginFailed", Level = LogLevel.Warning,
        Message = "Failed login for user {User}")]
    private static partial void LogLoginFailed(ILogger logger, string user);

    [LoggerMessage(EventId = 101, EventName = "LoggedIn", Level = LogLevel.Information,
        Message = "User {User} logged in")]
    private static partial void LogLoggedIn(ILogger logger, string user);
}
