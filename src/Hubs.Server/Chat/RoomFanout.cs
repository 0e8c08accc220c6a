using Hubs.Contracts.Chat;
using Hubs.Contracts.Identity;
using Hubs.Storage.Chat;
using Microsoft.AspNetCore.SignalR;

namespace Hubs.Server.Chat;

/// <summary>
/// This silo's observer of every room and user that has a connection here. Room and user grains
/// notify one observer per silo; it pushes to the local SignalR groups (<c>room:{id}</c>). Attachments
/// are refreshed on a timer, well within the grains' expiry, and dropped when the last local member
/// connection of a room leaves.
/// </summary>
public sealed partial class RoomFanout(
    IGrainFactory grains,
    IHubContext<ChatHub> hub,
    IChatStore chats,
    ILogger<RoomFanout> logger) : BackgroundService, IRoomObserver, IUserObserver
{
    public const string RoomEventMethod = "roomEvent";

    public const string UserEventMethod = "userEvent";

    /// <summary>How often attachments are renewed; the grains drop silos they have not heard from in minutes.</summary>
    public static readonly TimeSpan RefreshInterval = TimeSpan.FromSeconds(60);

    private readonly Lock _gate = new();
    private readonly Dictionary<string, LocalConnection> _connections = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> _userConnections = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> _userRooms = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> _roomUsers = new(StringComparer.Ordinal);
    private IRoomObserver? _roomReference;
    private IUserObserver? _userReference;

    /// <summary>Identifies this silo process to the grains; a restarted process is a new silo.</summary>
    public string SiloKey { get; } = $"{Environment.MachineName}-{Environment.ProcessId}-{Guid.NewGuid():N}";

    public static string GroupOf(string roomId) => "room:" + roomId;

    /// <summary>Number of rooms with a local member connection (for diagnostics and tests).</summary>
    public int AttachedRoomCount
    {
        get
        {
            lock (_gate)
            {
                return _roomUsers.Count;
            }
        }
    }

    public async Task ConnectAsync(HubCallerContext context, string user, string sessionHash)
    {
        bool firstOfUser;
        lock (_gate)
        {
            _connections[context.ConnectionId] = new LocalConnection(context.ConnectionId, user, sessionHash, context);
            firstOfUser = Add(_userConnections, user, context.ConnectionId) && _userConnections[user].Count == 1;
        }

        // Attach to the user grain before listing rooms, so a room joined meanwhile arrives as an event.
        if (firstOfUser)
        {
            await grains.GetGrain<IUserGrain>(user).AttachSiloAsync(SiloKey, UserReference());
        }

        var rooms = await chats.ListRoomsForUserAsync(user);
        var newlyLocal = new List<string>();
        lock (_gate)
        {
            if (!_connections.ContainsKey(context.ConnectionId))
            {
                return;
            }

            foreach (var summary in rooms)
            {
                if (AddMembership(user, summary.Room.Id))
                {
                    newlyLocal.Add(summary.Room.Id);
                }
            }
        }

        foreach (var summary in rooms)
        {
            await hub.Groups.AddToGroupAsync(context.ConnectionId, GroupOf(summary.Room.Id));
        }

        await Task.WhenAll(newlyLocal.Select(AttachRoomAsync));
        await DropRoomsLeftWhileJoiningAsync(user, [.. rooms.Select(r => r.Room.Id)]);
        LogConnected(logger, user, rooms.Count);
    }

    public async Task DisconnectAsync(string connectionId)
    {
        var detachRooms = new List<string>();
        string? detachUser = null;
        lock (_gate)
        {
            if (!_connections.Remove(connectionId, out var connection))
            {
                return;
            }

            var user = connection.User;
            if (_userConnections.TryGetValue(user, out var set))
            {
                set.Remove(connectionId);
                if (set.Count == 0)
                {
                    _userConnections.Remove(user);
                    detachUser = user;
                    if (_userRooms.Remove(user, out var rooms))
                    {
                        foreach (var room in rooms)
                        {
                            if (RemoveRoomUser(room, user))
                            {
                                detachRooms.Add(room);
                            }
                        }
                    }
                }
            }
        }

        await Task.WhenAll(detachRooms.Select(DetachRoomAsync));
        if (detachUser is not null)
        {
            await BestEffortAsync(
                () => grains.GetGrain<IUserGrain>(detachUser).DetachSiloAsync(SiloKey),
                "user",
                detachUser);
        }
    }

    /// <summary>
    /// A removal announced between the room listing and the group joins above could not take this
    /// connection out of a group it had not joined yet. The store is written before a removal is
    /// announced, so a second listing, taken after the joins, shows every such room.
    /// </summary>
    private async Task DropRoomsLeftWhileJoiningAsync(string user, string[] joined)
    {
        var current = (await chats.ListRoomsForUserAsync(user)).Select(r => r.Room.Id).ToHashSet();
        foreach (var roomId in joined.Where(id => !current.Contains(id)))
        {
            string[] connections;
            bool detach;
            lock (_gate)
            {
                _userRooms.GetValueOrDefault(user)?.Remove(roomId);
                detach = RemoveRoomUser(roomId, user);
                connections = [.. _userConnections.GetValueOrDefault(user) ?? []];
            }

            foreach (var connectionId in connections)
            {
                await hub.Groups.RemoveFromGroupAsync(connectionId, GroupOf(roomId));
            }

            if (detach)
            {
                await DetachRoomAsync(roomId);
            }
        }
    }

    /// <summary>Closes the connections of a session that ended (logout).</summary>
    public void EndSession(string sessionHash)
    {
        List<HubCallerContext> ended;
        lock (_gate)
        {
            ended = [.. _connections.Values.Where(c => c.SessionHash == sessionHash).Select(c => c.Context)];
        }

        foreach (var context in ended)
        {
            context.Abort();
        }
    }

    public async Task OnRoomEventAsync(RoomEvent roomEvent)
    {
        // The group send starts the write to every connection now, in the order events arrive, but is
        // not awaited: one client that stops reading would otherwise hold this notification past the
        // room's timeout, and the room would drop this silo for everyone connected here.
        ObserveSend(hub.Clients.Group(GroupOf(roomEvent.RoomId)).SendAsync(RoomEventMethod, roomEvent), roomEvent);
        if (roomEvent is not { Kind: RoomEventKind.RoomChanged, Room: { } room })
        {
            return;
        }

        // Members removed from the room stop receiving it at once, before their RoomLeft arrives.
        var members = room.Members.Select(m => m.User).ToHashSet(StringComparer.Ordinal);
        var removedConnections = new List<string>();
        var detach = false;
        lock (_gate)
        {
            if (_roomUsers.TryGetValue(room.Id, out var users))
            {
                foreach (var user in users.Where(u => !members.Contains(u)).ToArray())
                {
                    _userRooms.GetValueOrDefault(user)?.Remove(room.Id);
                    detach |= RemoveRoomUser(room.Id, user);
                    removedConnections.AddRange(_userConnections.GetValueOrDefault(user) ?? []);
                }
            }
        }

        foreach (var connectionId in removedConnections)
        {
            await hub.Groups.RemoveFromGroupAsync(connectionId, GroupOf(room.Id));
        }

        if (detach)
        {
            // Never call back into the notifying grain from its own notification: run it afterwards.
            _ = Task.Run(() => DetachRoomAsync(room.Id));
        }
    }

    private void ObserveSend(Task send, RoomEvent roomEvent)
    {
        if (send.IsCompletedSuccessfully)
        {
            return;
        }

        _ = send.ContinueWith(
            t => LogSendFailed(logger, roomEvent.RoomId, roomEvent.Seq, t.Exception!.GetBaseException()),
            CancellationToken.None,
            TaskContinuationOptions.OnlyOnFaulted,
            TaskScheduler.Default);
    }

    public async Task OnUserEventAsync(UserEvent userEvent)
    {
        string[] connections;
        var changesAttachment = false;
        lock (_gate)
        {
            if (!_userConnections.TryGetValue(userEvent.User, out var set) || set.Count == 0)
            {
                return;
            }

            connections = [.. set];
            if (userEvent.Kind == UserEventKind.RoomJoined)
            {
                changesAttachment = AddMembership(userEvent.User, userEvent.RoomId);
            }
            else
            {
                _userRooms.GetValueOrDefault(userEvent.User)?.Remove(userEvent.RoomId);
                changesAttachment = RemoveRoomUser(userEvent.RoomId, userEvent.User);
            }
        }

        var group = GroupOf(userEvent.RoomId);
        foreach (var connectionId in connections)
        {
            if (userEvent.Kind == UserEventKind.RoomJoined)
            {
                await hub.Groups.AddToGroupAsync(connectionId, group);
            }
            else
            {
                await hub.Groups.RemoveFromGroupAsync(connectionId, group);
            }
        }

        if (!changesAttachment)
        {
            await hub.Clients.Clients(connections).SendAsync(UserEventMethod, userEvent);
            return;
        }

        // The room grain may be the one notifying us (through the user grain); attaching from inside
        // this call could deadlock, so it runs afterwards and the user event follows the attachment.
        _ = Task.Run(async () =>
        {
            if (userEvent.Kind == UserEventKind.RoomJoined)
            {
                await AttachRoomAsync(userEvent.RoomId);
            }
            else
            {
                await DetachRoomAsync(userEvent.RoomId);
            }

            await hub.Clients.Clients(connections).SendAsync(UserEventMethod, userEvent);
        });
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(RefreshInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await RefreshAsync();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    /// <summary>Renews the attachment of every room and user with a local connection.</summary>
    internal async Task RefreshAsync()
    {
        string[] rooms;
        string[] users;
        lock (_gate)
        {
            rooms = [.. _roomUsers.Keys];
            users = [.. _userConnections.Keys];
        }

        foreach (var user in users)
        {
            await BestEffortAsync(
                () => grains.GetGrain<IUserGrain>(user).AttachSiloAsync(SiloKey, UserReference()),
                "user",
                user);
        }

        foreach (var room in rooms)
        {
            await AttachRoomAsync(room);
        }
    }

    private Task AttachRoomAsync(string roomId) =>
        BestEffortAsync(
            () => grains.GetGrain<IChatRoomGrain>(roomId).AttachSiloAsync(SiloKey, RoomReference()),
            "room",
            roomId);

    private Task DetachRoomAsync(string roomId)
    {
        lock (_gate)
        {
            // A member may have connected again meanwhile.
            if (_roomUsers.ContainsKey(roomId))
            {
                return Task.CompletedTask;
            }
        }

        return BestEffortAsync(() => grains.GetGrain<IChatRoomGrain>(roomId).DetachSiloAsync(SiloKey), "room", roomId);
    }

    private async Task BestEffortAsync(Func<Task> call, string kind, string key)
    {
        try
        {
            await call();
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            LogAttachFailed(logger, exception, kind, key);
        }
    }

    private IRoomObserver RoomReference()
    {
        lock (_gate)
        {
            return _roomReference ??= grains.CreateObjectReference<IRoomObserver>(this);
        }
    }

    private IUserObserver UserReference()
    {
        lock (_gate)
        {
            return _userReference ??= grains.CreateObjectReference<IUserObserver>(this);
        }
    }

    /// <summary>Records that a connected user is in a room; true when the room just became local.</summary>
    private bool AddMembership(string user, string roomId)
    {
        if (!_userConnections.ContainsKey(user))
        {
            return false;
        }

        Add(_userRooms, user, roomId);
        return Add(_roomUsers, roomId, user) && _roomUsers[roomId].Count == 1;
    }

    /// <summary>Removes a user from a room's local users; true when no local user is left in it.</summary>
    private bool RemoveRoomUser(string roomId, string user)
    {
        if (!_roomUsers.TryGetValue(roomId, out var users) || !users.Remove(user))
        {
            return false;
        }

        if (users.Count > 0)
        {
            return false;
        }

        _roomUsers.Remove(roomId);
        return true;
    }

    private static bool Add(Dictionary<string, HashSet<string>> map, string key, string value)
    {
        if (!map.TryGetValue(key, out var set))
        {
            set = new HashSet<string>(StringComparer.Ordinal);
            map[key] = set;
        }

        return set.Add(value);
    }
}
