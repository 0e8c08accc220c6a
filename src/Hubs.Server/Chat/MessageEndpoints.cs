using System.Security.Claims;
using Hubs.Contracts.Chat;
using Hubs.Contracts.Errors;
using Hubs.Grains.Chat;
using Hubs.Server.Identity;

namespace Hubs.Server.Chat;

/// <summary><c>/api/v1/rooms/{id}/messages</c>: post, page through, edit, delete and react.</summary>
internal static class MessageEndpoints
{
    public static void MapMessageEndpoints(this IEndpointRouteBuilder app)
    {
        var messages = app.MapGroup("/api/v1/rooms/{id}/messages").RequireAuthorization();
        messages.MapPost("", PostAsync);
        messages.MapGet("", ListAsync);
        messages.MapPatch("/{seq:long}", EditAsync);
        messages.MapDelete("/{seq:long}", DeleteAsync);
        messages.MapPut("/{seq:long}/reactions/{emoji}", (string id, long seq, string emoji, ClaimsPrincipal caller,
            IGrainFactory grains) => ReactAsync(id, seq, emoji, add: true, caller, grains));
        messages.MapDelete("/{seq:long}/reactions/{emoji}", (string id, long seq, string emoji, ClaimsPrincipal caller,
            IGrainFactory grains) => ReactAsync(id, seq, emoji, add: false, caller, grains));
    }

    private static async Task<IResult> PostAsync(
        string id,
        PostMessageRequest request,
        ClaimsPrincipal caller,
        IGrainFactory grains)
    {
        var room = RoomEndpoints.Room(grains, id);
        MessageRules.ValidateClientId(request.ClientId);
        MessageRules.ValidateText(request.Text);
        var user = caller.UserName();

        // A retry of a message that was stored answers 200 with it. Only the grain, the room's single
        // writer, knows which of concurrent retries created it.
        var (message, created) = await room.PostOnceAsync(user, request.ClientId, request.Text, request.ReplyTo);
        return created
            ? TypedResults.Created($"/api/v1/rooms/{id}/messages/{message.Seq}", message)
            : TypedResults.Ok(message);
    }

    private static async Task<IResult> ListAsync(
        string id,
        long? after,
        long? before,
        int? limit,
        ClaimsPrincipal caller,
        IGrainFactory grains)
    {
        var room = RoomEndpoints.Room(grains, id);
        if (after is not null && before is not null)
        {
            throw new HubsException(HubsError.Invalid, "Ask for messages 'after' a seq or 'before' one, not both.");
        }

        if (after < 0 || before < 0)
        {
            throw new HubsException(HubsError.Invalid, "'after' and 'before' are sequence numbers of zero or more.");
        }

        if (limit < 1)
        {
            throw new HubsException(HubsError.Invalid, "'limit' is at least 1.");
        }

        var size = Math.Min(limit ?? ChatLimits.DefaultPageSize, ChatLimits.MaxPageSize);
        var page = after is { } afterSeq
            ? await room.GetAfterAsync(caller.UserName(), afterSeq, size)
            : await room.GetBeforeAsync(caller.UserName(), before ?? long.MaxValue, size);
        return TypedResults.Ok(page);
    }

    private static async Task<IResult> EditAsync(
        string id,
        long seq,
        EditMessageRequest request,
        ClaimsPrincipal caller,
        IGrainFactory grains)
    {
        var room = RoomEndpoints.Room(grains, id);
        MessageRules.ValidateText(request.Text);
        return TypedResults.Ok(await room.EditAsync(caller.UserName(), seq, request.Text));
    }

    private static async Task<IResult> DeleteAsync(string id, long seq, ClaimsPrincipal caller, IGrainFactory grains) =>
        TypedResults.Ok(await RoomEndpoints.Room(grains, id).DeleteMessageAsync(caller.UserName(), seq));

    private static async Task<IResult> ReactAsync(
        string id,
        long seq,
        string emoji,
        bool add,
        ClaimsPrincipal caller,
        IGrainFactory grains)
    {
        var room = RoomEndpoints.Room(grains, id);
        MessageRules.ValidateEmoji(emoji);

        return TypedResults.Ok(await room.ReactAsync(caller.UserName(), seq, emoji, add));
    }
}
