using Microsoft.AspNetCore.SignalR;

namespace Hubs.Benchmarks.Bare;

/// <summary>
/// The bare reference: every <c>Send(text)</c> goes to all connections as a <c>roomEvent</c>, with
/// no Orleans, no storage and no authentication.
/// </summary>
public sealed class BroadcastHub : Hub
{
    private const string RoomId = "bench";
    private static readonly string[] NoMentions = [];
    private static readonly object[] NoReactions = [];
    private static long s_seq;

    [HubMethodName("Send")]
    public Task SendAsync(string text)
    {
        var seq = Interlocked.Increment(ref s_seq);
        var message = new BareMessage(
            RoomId,
            seq,
            seq,
            "text",
            "bench",
            Context.ConnectionId,
            text,
            DateTimeOffset.UtcNow,
            null,
            false,
            null,
            NoMentions,
            NoReactions);
        return Clients.All.SendAsync("roomEvent", new BareRoomEvent(RoomId, seq, "messagePosted", message));
    }
}
