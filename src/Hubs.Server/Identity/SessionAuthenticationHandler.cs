using System.Security.Claims;
using System.Text.Encodings.Web;
using Hubs.Server.Http;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Hubs.Server.Identity;

/// <summary>Resolves the session cookie to the user; answers 401/403 as problem details.</summary>
internal sealed class SessionAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    SessionService sessions)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Cookies.TryGetValue(SessionService.CookieName, out var cookie) || string.IsNullOrEmpty(cookie))
        {
            return AuthenticateResult.NoResult();
        }

        var session = await sessions.FindAsync(cookie, Context.RequestAborted);
        if (session is null)
        {
            return AuthenticateResult.Fail("The session has ended.");
        }

        Claim[] claims =
        [
            new(ClaimTypes.Name, session.User),
            new(ClaimTypes.NameIdentifier, session.User),
            new(SessionClaims.SessionHash, session.IdHash),
            new(SessionClaims.CsrfToken, session.CsrfToken),
        ];
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SessionClaims.Scheme));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SessionClaims.Scheme));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties) =>
        Problems.NotLoggedIn().ExecuteAsync(Context);

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        Problems.Forbidden("Your account may not do this.").ExecuteAsync(Context);
}
