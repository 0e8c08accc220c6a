namespace Hubs.Server.Chat;

public sealed record DirectRoomRequest(string? User);
