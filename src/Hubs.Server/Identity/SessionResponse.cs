namespace Hubs.Server.Identity;

public sealed record SessionResponse(string User, string DisplayName, bool IsAdmin, string CsrfToken);
