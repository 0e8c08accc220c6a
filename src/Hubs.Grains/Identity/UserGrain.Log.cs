using Microsoft.Extensions.Logging;

namespace Hubs.Grains.Identity;

public sealed partial class UserGrain
{
    [LoggerMessage(
        EventId = 1100,
        EventName = "UserObserverDropped",
        Level = LogLevel.Warning,
        Message = "User {User} dropped the observer of silo {SiloKey} (failed, timed out or expired)")]
    private static partial void LogObserverDropped(ILogger logger, Exception? error, string user, string siloKey);
}
