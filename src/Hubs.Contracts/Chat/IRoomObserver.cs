namespace Hubs.Contracts.Chat;

/// <summary>
/// One per silo: receives the events of every room that has a member connected to that silo and
/// pushes them to the local SignalR group of the room.
/// </summary>
[Alias("hubs.IRoomObserver")]
public interface IRoomObserver : IGrainObserver
{
    [Alias("OnRoomEvent")]
    Task OnRoomEventAsync(RoomEvent roomEvent);
}
