namespace Hubs.Server.Chat;

public sealed partial class RoomFanout
{
    [LoggerMessage(EventId = 300, EventName = "HubConnected", Level = LogLevel.Information,
        Message = "User {User} connected to the chat hub with {RoomCount} rooms")]
    private static partial void LogConnected(ILogger logger, string user, int roomCount);

    [LoggerMessage(EventId = 301, EventName = "AttachFailed", Level = LogLevel.Warning,
        Message = "Could not attach or detach this silo for {Kind} {Key}")]
    private static partial void LogAttachFailed(ILogger logger, Exception exception, string kind, string key);

    [LoggerMessage(EventId = 302, EventName = "RoomSendFailed", Level = LogLevel.Warning,
        Message = "Pushing event {Seq} of room {RoomId} to local connections failed")]
    private static partial void LogSendFailed(ILogger logger, string roomId, long seq, Exception exception);
}
