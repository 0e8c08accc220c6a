using System.Security.Claims;
using Hubs.Contracts.Chat;
using Hubs.Contracts.Errors;
using Hubs.Contracts.Identity;
using Hubs.Grains.Chat;
using Hubs.Server.Identity;
using Hubs.Storage.Chat;
using Hubs.Storage.Identity;

namespace Hubs.Server.Chat;

/// <summary><c>/api/v1/rooms</c> and <c>/api/v1/direct</c>: rooms, members and read markers.</summary>
internal static class RoomEndpoints
{
    public static void MapRoomEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").RequireAuthorization();
        api.MapGet("/rooms", ListAsync);
        api.MapPost("/rooms", CreateAsync);
        api.MapPost("/direct", OpenDirectAsync);
        api.MapGet("/rooms/{id}", GetAsync);
        api.MapPatch("/rooms/{id}", RenameAsync);
        api.MapPost("/rooms/{id}/members", AddMembersAsync);
        api.MapDelete("/rooms/{id}/members/{user}", RemoveMemberAsync);
        api.MapPut("/rooms/{id}/members/{user}/role", SetRoleAsync);
        api.MapPost("/rooms/{id}/read", MarkReadAsync);
    }

    private static async Task<IResult> ListAsync(
        ClaimsPrincipal caller,
        IChatStore chats,
        CancellationToken cancellationToken)
    {
        var rooms = await chats.ListRoomsForUserAsync(caller.UserName(), cancellationToken);
        return TypedResults.Ok(rooms.Select(RoomListItem.From).ToArray());
    }

    private static async Task<IResult> CreateAsync(
        CreateRoomRequest request,
        ClaimsPrincipal caller,
        IGrainFactory grains,
        IAccountStore accounts,
        CancellationToken cancellationToken)
    {
        var name = request.Name?.Trim() ?? string.Empty;
        if (name.Length == 0)
        {
            throw new HubsException(HubsError.Invalid, "A room needs a name.");
        }

        if (name.Length > ChatLimits.MaxRoomNameLength)
        {
            throw new HubsException(
                HubsError.Invalid,
                $"A room name has at most {ChatLimits.MaxRoomNameLength} characters.");
        }

        var members = await CheckUsersAsync(request.Members ?? [], accounts, cancellationToken);
        var room = await grains.GetGrain<IChatRoomGrain>(RoomIds.NewGroup())
            .CreateAsync(caller.UserName(), name, members, RoomKind.Group);
        return TypedResults.Created($"/api/v1/rooms/{room.Id}", room);
    }

    private static async Task<IResult> OpenDirectAsync(
        DirectRoomRequest request,
        ClaimsPrincipal caller,
        IGrainFactory grains,
        IAccountStore accounts,
        CancellationToken cancellationToken)
    {
        var me = caller.UserName();
        var other = await CheckUsersAsync([request.User ?? string.Empty], accounts, cancellationToken);
        if (other.Length != 1 || other[0] == me)
        {
            throw new HubsException(HubsError.Invalid, "A direct room is with one other user.");
        }

        var room = await grains.GetGrain<IChatRoomGrain>(RoomIds.Direct(me, other[0]))
            .CreateAsync(me, string.Empty, other, RoomKind.Direct);
        return TypedResults.Ok(room);
    }

    private static async Task<IResult> GetAsync(string id, ClaimsPrincipal caller, IGrainFactory grains) =>
        TypedResults.Ok(await Room(grains, id).GetAsync(caller.UserName()));

    private static async Task<IResult> RenameAsync(
        string id,
        RenameRoomRequest request,
        ClaimsPrincipal caller,
        IGrainFactory grains)
    {
        var name = request.Name?.Trim() ?? string.Empty;
        if (name.Length == 0)
        {
            throw new HubsException(HubsError.Invalid, "A room needs a name.");
        }

        return TypedResults.Ok(await Room(grains, id).RenameAsync(caller.UserName(), name));
    }

    private static async Task<IResult> AddMembersAsync(
        string id,
        AddMembersRequest request,
        ClaimsPrincipal caller,
        IGrainFactory grains,
        IAccountStore accounts,
        CancellationToken cancellationToken)
    {
        var room = Room(grains, id);
        var users = await CheckUsersAsync(request.Users ?? [], accounts, cancellationToken);
        if (users.Length == 0)
        {
            throw new HubsException(HubsError.Invalid, "Name at least one user to add.");
        }

        return TypedResults.Ok(await room.AddMembersAsync(caller.UserName(), users));
    }

    private static async Task<IResult> RemoveMemberAsync(
        string id,
        string user,
        ClaimsPrincipal caller,
        IGrainFactory grains) =>
        TypedResults.Ok(await Room(grains, id).RemoveMemberAsync(caller.UserName(), UserNames.Normalize(user)));

    private static async Task<IResult> SetRoleAsync(
        string id,
        string user,
        SetRoleRequest request,
        ClaimsPrincipal caller,
        IGrainFactory grains)
    {
        if (request.Role is not { } role || !Enum.IsDefined(role))
        {
            throw new HubsException(HubsError.Invalid, "The role is one of owner, moderator and member.");
        }

        var room = Room(grains, id);
        return TypedResults.Ok(await room.SetRoleAsync(caller.UserName(), UserNames.Normalize(user), role));
    }

    private static async Task<IResult> MarkReadAsync(
        string id,
        MarkReadRequest request,
        ClaimsPrincipal caller,
        IGrainFactory grains)
    {
        if (request.Seq is not { } seq || seq < 0)
        {
            throw new HubsException(HubsError.Invalid, "The read marker 'seq' is a number of zero or more.");
        }

        await Room(grains, id).MarkReadAsync(caller.UserName(), seq);
        return TypedResults.NoContent();
    }

    internal static IChatRoomGrain Room(IGrainFactory grains, string id) =>
        grains.GetGrain<IChatRoomGrain>(RoomIdGuard.Check(id));

    /// <summary>Normalises the names, drops repeats and fails with 400/404 for invalid or unknown ones.</summary>
    private static async Task<string[]> CheckUsersAsync(
        string[] users,
        IAccountStore accounts,
        CancellationToken cancellationToken)
    {
        if (users.Length > ChatLimits.MaxMembersPerRequest)
        {
            throw new HubsException(
                HubsError.TooLarge,
                $"Add at most {ChatLimits.MaxMembersPerRequest} users at once.");
        }

        var names = users
            .Select(u => UserNames.Normalize(u ?? string.Empty))
            .Distinct(StringComparer.Ordinal)
            .ToArray();
        var invalid = names.FirstOrDefault(n => !UserNames.IsValid(n));
        if (invalid is not null)
        {
            throw new HubsException(HubsError.Invalid, "A user name in the request is not valid.");
        }

        var missing = names.Length == 0 ? [] : await accounts.FindMissingAsync(names, cancellationToken);
        if (missing.Count > 0)
        {
            throw new HubsException(HubsError.NotFound, $"There is no user '{missing[0]}'.");
        }

        return names;
    }
}
