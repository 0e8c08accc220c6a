using Hubs.Contracts.Chat;
using Hubs.Contracts.Errors;

namespace Hubs.Grains.Chat;

/// <summary>
/// Who may do what in a room. Pure rules: each <c>Ensure</c> method throws a
/// <see cref="HubsException"/> the caller can act on, or returns when the action is allowed.
/// </summary>
public static class RoomPermissions
{
    public static bool CanManageMembers(RoomRole role) => role is RoomRole.Owner or RoomRole.Moderator;

    public static void EnsureCanRename(RoomKind kind, RoomRole callerRole)
    {
        EnsureGroup(kind, "A direct conversation has no name to change.");
        if (!CanManageMembers(callerRole))
        {
            throw new HubsException(HubsError.Forbidden, "Only owners and moderators can rename the room.");
        }
    }

    public static void EnsureCanAddMembers(RoomKind kind, RoomRole callerRole)
    {
        EnsureGroup(kind, "A direct conversation always has exactly two members.");
        if (!CanManageMembers(callerRole))
        {
            throw new HubsException(HubsError.Forbidden, "Only owners and moderators can add members.");
        }
    }

    /// <summary>Checks removing <paramref name="target"/>; a caller removing themself leaves the room.</summary>
    public static void EnsureCanRemove(
        RoomKind kind,
        string caller,
        string target,
        IReadOnlyDictionary<string, RoomRole> members)
    {
        ArgumentNullException.ThrowIfNull(members);
        EnsureGroup(kind, "A direct conversation always has exactly two members.");
        if (!members.TryGetValue(target, out var targetRole))
        {
            throw new HubsException(HubsError.NotFound, $"'{target}' is not a member of this room.");
        }

        if (caller == target)
        {
            if (targetRole == RoomRole.Owner && CountOwners(members) == 1 && members.Count > 1)
            {
                throw new HubsException(
                    HubsError.Conflict,
                    "You are the last owner of this room: make another member owner before leaving.");
            }

            return;
        }

        var callerRole = members[caller];
        var allowed = callerRole switch
        {
            RoomRole.Owner => true,
            RoomRole.Moderator => targetRole == RoomRole.Member,
            _ => false,
        };
        if (!allowed)
        {
            throw new HubsException(
                HubsError.Forbidden,
                callerRole == RoomRole.Moderator
                    ? "Moderators can remove members, not owners or other moderators."
                    : "Only owners and moderators can remove members.");
        }
    }

    /// <summary>Owners set any role; moderators may move members and moderators between those two
    /// roles but never raise anyone to owner or change an owner. The last owner cannot step down.</summary>
    public static void EnsureCanSetRole(
        RoomKind kind,
        string caller,
        string target,
        RoomRole newRole,
        IReadOnlyDictionary<string, RoomRole> members)
    {
        ArgumentNullException.ThrowIfNull(members);
        EnsureGroup(kind, "Roles do not apply to a direct conversation.");
        if (!Enum.IsDefined(newRole))
        {
            throw new HubsException(HubsError.Invalid, "Unknown role.");
        }

        if (!members.TryGetValue(target, out var targetRole))
        {
            throw new HubsException(HubsError.NotFound, $"'{target}' is not a member of this room.");
        }

        var callerRole = members[caller];
        if (callerRole == RoomRole.Member)
        {
            throw new HubsException(HubsError.Forbidden, "Only owners and moderators can change roles.");
        }

        if (callerRole == RoomRole.Moderator && (targetRole == RoomRole.Owner || newRole == RoomRole.Owner))
        {
            throw new HubsException(
                HubsError.Forbidden,
                "Moderators may not raise anyone above moderator or change an owner's role.");
        }

        if (targetRole == RoomRole.Owner && newRole != RoomRole.Owner && CountOwners(members) == 1)
        {
            throw new HubsException(
                HubsError.Conflict,
                "The room needs an owner: make another member owner first.");
        }
    }

    /// <summary>Only the sender edits a message, and only a text message that is not deleted.</summary>
    public static void EnsureCanEdit(ChatMessage message, string caller)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.Kind != MessageKind.Text)
        {
            throw new HubsException(HubsError.Forbidden, "System messages cannot be edited.");
        }

        if (message.Sender != caller)
        {
            throw new HubsException(HubsError.Forbidden, "You can only edit your own messages.");
        }

        if (message.Deleted)
        {
            throw new HubsException(HubsError.Conflict, "The message was deleted.");
        }
    }

    /// <summary>The sender deletes their own message; owners and moderators delete any text message.</summary>
    public static void EnsureCanDelete(ChatMessage message, string caller, RoomRole callerRole)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.Kind != MessageKind.Text)
        {
            throw new HubsException(HubsError.Forbidden, "System messages cannot be deleted.");
        }

        if (message.Sender != caller && !CanManageMembers(callerRole))
        {
            throw new HubsException(
                HubsError.Forbidden,
                "You can only delete your own messages unless you moderate this room.");
        }
    }

    /// <summary>Any member reacts to a text message that is not deleted.</summary>
    public static void EnsureCanReact(ChatMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.Kind != MessageKind.Text)
        {
            throw new HubsException(HubsError.Invalid, "System messages take no reactions.");
        }

        if (message.Deleted)
        {
            throw new HubsException(HubsError.Conflict, "The message was deleted.");
        }
    }

    private static int CountOwners(IReadOnlyDictionary<string, RoomRole> members) =>
        members.Values.Count(r => r == RoomRole.Owner);

    private static void EnsureGroup(RoomKind kind, string message)
    {
        if (kind != RoomKind.Group)
        {
            throw new HubsException(HubsError.Forbidden, message);
        }
    }
}
