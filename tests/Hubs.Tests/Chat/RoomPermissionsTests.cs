using Hubs.Contracts.Chat;
using Hubs.Contracts.Errors;
using Hubs.Grains.Chat;

namespace Hubs.Tests.Chat;

public sealed class RoomPermissionsTests
{
    private static readonly Dictionary<string, RoomRole> Members = new()
    {
        ["olive"] = RoomRole.Owner,
        ["mo"] = RoomRole.Moderator,
        ["mia"] = RoomRole.Member,
        ["max"] = RoomRole.Member,
    };

    [Theory]
    [InlineData(RoomRole.Owner, true)]
    [InlineData(RoomRole.Moderator, true)]
    [InlineData(RoomRole.Member, false)]
    public void Rename_InGroup_NeedsOwnerOrModerator(RoomRole role, bool allowed)
    {
        var error = Record.Exception(() => RoomPermissions.EnsureCanRename(RoomKind.Group, role));

        Assert.Equal(allowed, error is null);
    }

    [Fact]
    public void RenameAndAdd_InDirectRoom_AreForbiddenEvenForOwners()
    {
        var rename = Assert.Throws<HubsException>(
            () => RoomPermissions.EnsureCanRename(RoomKind.Direct, RoomRole.Owner));
        var add = Assert.Throws<HubsException>(
            () => RoomPermissions.EnsureCanAddMembers(RoomKind.Direct, RoomRole.Owner));

        Assert.Equal(HubsError.Forbidden, rename.Error);
        Assert.Equal(HubsError.Forbidden, add.Error);
    }

    [Theory]
    [InlineData("olive", "mo", null)]
    [InlineData("mo", "mia", null)]
    [InlineData("mo", "olive", HubsError.Forbidden)]
    [InlineData("mia", "max", HubsError.Forbidden)]
    [InlineData("mia", "mia", null)]
    [InlineData("mia", "nobody", HubsError.NotFound)]
    public void Remove_FollowsRoles(string caller, string target, HubsError? expected)
    {
        var error = Record.Exception(() => RoomPermissions.EnsureCanRemove(RoomKind.Group, caller, target, Members));

        Assert.Equal(expected, (error as HubsException)?.Error);
    }

    [Fact]
    public void Leave_LastOwnerWithOthers_IsConflict_ButAloneIsAllowed()
    {
        var alone = new Dictionary<string, RoomRole> { ["olive"] = RoomRole.Owner };

        var error = Assert.Throws<HubsException>(
            () => RoomPermissions.EnsureCanRemove(RoomKind.Group, "olive", "olive", Members));
        RoomPermissions.EnsureCanRemove(RoomKind.Group, "olive", "olive", alone);

        Assert.Equal(HubsError.Conflict, error.Error);
        Assert.Contains("owner", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("olive", "mia", RoomRole.Owner, null)]
    [InlineData("olive", "mo", RoomRole.Member, null)]
    [InlineData("mo", "mia", RoomRole.Moderator, null)]
    [InlineData("mo", "mia", RoomRole.Owner, HubsError.Forbidden)]
    [InlineData("mo", "olive", RoomRole.Member, HubsError.Forbidden)]
    [InlineData("mia", "max", RoomRole.Moderator, HubsError.Forbidden)]
    [InlineData("olive", "olive", RoomRole.Member, HubsError.Conflict)]
    [InlineData("olive", "ghost", RoomRole.Member, HubsError.NotFound)]
    public void SetRole_FollowsRoles(string caller, string target, RoomRole role, HubsError? expected)
    {
        var error = Record.Exception(
            () => RoomPermissions.EnsureCanSetRole(RoomKind.Group, caller, target, role, Members));

        Assert.Equal(expected, (error as HubsException)?.Error);
    }

    [Fact]
    public void EditAndDelete_OwnMessages_ModeratorsDeleteAny()
    {
        var message = Message("mia");

        RoomPermissions.EnsureCanEdit(message, "mia");
        RoomPermissions.EnsureCanDelete(message, "mia", RoomRole.Member);
        RoomPermissions.EnsureCanDelete(message, "mo", RoomRole.Moderator);
        var edit = Assert.Throws<HubsException>(() => RoomPermissions.EnsureCanEdit(message, "olive"));
        var delete = Assert.Throws<HubsException>(
            () => RoomPermissions.EnsureCanDelete(message, "max", RoomRole.Member));
        var editDeleted = Assert.Throws<HubsException>(
            () => RoomPermissions.EnsureCanEdit(message with { Deleted = true }, "mia"));
        var deleteSystem = Assert.Throws<HubsException>(
            () => RoomPermissions.EnsureCanDelete(message with { Kind = MessageKind.System }, "olive", RoomRole.Owner));

        Assert.Equal(HubsError.Forbidden, edit.Error);
        Assert.Equal(HubsError.Forbidden, delete.Error);
        Assert.Equal(HubsError.Conflict, editDeleted.Error);
        Assert.Equal(HubsError.Forbidden, deleteSystem.Error);
    }

    private static ChatMessage Message(string sender) =>
        new("r", 5, 5, MessageKind.Text, sender, "c", "hi", DateTimeOffset.UnixEpoch, null, false, null, [], []);
}
