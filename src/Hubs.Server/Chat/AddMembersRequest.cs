namespace Hubs.Server.Chat;

public sealed record AddMembersRequest(string[]? Users);
