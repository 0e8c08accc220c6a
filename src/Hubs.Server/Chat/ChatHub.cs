using Hubs.Server.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace Hubs.Server.Chat;

/// <summary>
/// <c>/hubs/chat</c>: on connect the connection joins the SignalR group of each of the user's rooms;
/// events arrive through <see cref="RoomFanout"/>. Clients send typing notices.
/// </summary>
[Authorize]
public sealed class ChatHub(RoomFanout fanout, IGrainFactory grains, SessionService sessions) : Hub
{
    public override async Task OnConnectedAsync()
    {
        var user = Context.User!.UserName();
        var sessionHash = Context.User!.SessionHashOf() ?? string.Empty;
        await fanout.ConnectAsync(Context, user, sessionHash);
        await base.OnConnectedAsync();
    }

    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        await fanout.DisconnectAsync(Context.ConnectionId);
        await base.OnDisconnectedAsync(exception);
    }

    [HubMethodName("Typing")]
    public async Task TypingAsync(string roomId, bool typing)
    {
        var sessionHash = Context.User!.SessionHashOf();
        if (sessionHash is null || !await sessions.IsLiveAsync(sessionHash))
        {
            Context.Abort();
            throw new HubException("The session has ended; log in again.");
        }

        try
        {
            await RoomEndpoints.Room(grains, roomId).TypingAsync(Context.User!.UserName(), typing);
        }
        catch (Contracts.Errors.HubsException exception)
        {
            // The message is safe to show (see HubsException); SignalR hides other exceptions' details.
            throw new HubException(exception.Message);
        }
    }
}
