namespace Hubs.Server.Identity;

public sealed record CreateUserRequest(string? User, string? Password, string? DisplayName);
