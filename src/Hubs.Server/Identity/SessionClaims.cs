using System.Security.Claims;

namespace Hubs.Server.Identity;

/// <summary>Claims the session handler puts on the caller, and reading them back.</summary>
public static class SessionClaims
{
    public const string Scheme = "HubsSession";

    public const string SessionHash = "hubs:session";

    public const string CsrfToken = "hubs:csrf";

    /// <summary>The verified user name of an authenticated caller.</summary>
    public static string UserName(this ClaimsPrincipal principal) =>
        principal.Identity?.Name ?? throw new InvalidOperationException("The caller is not authenticated.");

    public static string? SessionHashOf(this ClaimsPrincipal principal) => principal.FindFirstValue(SessionHash);

    public static string? CsrfTokenOf(this ClaimsPrincipal principal) => principal.FindFirstValue(CsrfToken);
}
