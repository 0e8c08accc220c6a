namespace Hubs.Server.Chat;

public sealed record RenameRoomRequest(string? Name);
