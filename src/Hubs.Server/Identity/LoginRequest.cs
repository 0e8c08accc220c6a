namespace Hubs.Server.Identity;

public sealed record LoginRequest(string? User, string? Password);
