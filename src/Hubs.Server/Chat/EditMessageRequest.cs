namespace Hubs.Server.Chat;

public sealed record EditMessageRequest(string? Text);
