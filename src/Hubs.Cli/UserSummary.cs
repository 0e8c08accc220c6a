namespace Hubs.Cli;

/// <summary>An account as <c>GET /api/v1/users</c> lists it.</summary>
internal sealed record UserSummary(string User, string DisplayName, bool IsAdmin);
