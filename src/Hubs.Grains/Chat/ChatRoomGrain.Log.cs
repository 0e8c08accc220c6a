using Hubs.Contracts.Chat;
using Hubs.Contracts.Identity;
using Microsoft.Extensions.Logging;

namespace Hubs.Grains.Chat;

public sealed partial class ChatRoomGrain
{
    [LoggerMessage(
        EventId = 1000,
        EventName = "RoomCreated",
        Level = LogLevel.Information,
        Message = "Room {RoomId} created ({Kind}, {MemberCount} members)")]
    private static partial void LogRoomCreated(ILogger logger, string roomId, RoomKind kind, int memberCount);

    [LoggerMessage(
        EventId = 1001,
        EventName = "RoomObserverDropped",
        Level = LogLevel.Warning,
        Message = "Room {RoomId} dropped the observer of silo {SiloKey} (failed, timed out or expired)")]
    private static partial void LogObserverDropped(ILogger logger, Exception? error, string roomId, string siloKey);

    [LoggerMessage(
        EventId = 1002,
        EventName = "RoomStoreFailed",
        Level = LogLevel.Error,
        Message = "Room {RoomId} could not store a change; the activation will restart from storage")]
    private static partial void LogStoreFailed(ILogger logger, Exception error, string roomId);

    [LoggerMessage(
        EventId = 1003,
        EventName = "RoomUserNotifyFailed",
        Level = LogLevel.Warning,
        Message = "Room {RoomId} could not send a {Kind} user event")]
    private static partial void LogUserNotifyFailed(ILogger logger, Exception error, string roomId, UserEventKind kind);
}
