namespace Hubs.Server.Chat;

public sealed record CreateRoomRequest(string? Name, string[]? Members);
