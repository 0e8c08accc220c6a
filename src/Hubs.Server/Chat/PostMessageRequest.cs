namespace Hubs.Server.Chat;

public sealed record PostMessageRequest(string? ClientId, string? Text, long? ReplyTo);
