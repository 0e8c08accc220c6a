using Hubs.Contracts.Chat;

namespace Hubs.Server.Chat;

public sealed record SetRoleRequest(RoomRole? Role);
