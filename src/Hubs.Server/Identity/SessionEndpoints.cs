using System.Security.Claims;
using Hubs.Contracts.Identity;
using Hubs.Server.Chat;
using Hubs.Server.Http;
using Hubs.Storage.Identity;

namespace Hubs.Server.Identity;

/// <summary><c>/api/v1/session</c>: log in, who am I, log out.</summary>
internal static partial class SessionEndpoints
{
    public static void MapSessionEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/session");
        group.MapPost("", LoginAsync).AllowAnonymous();
        group.MapGet("", GetAsync).RequireAuthorization();
        group.MapDelete("", LogoutAsync).RequireAuthorization();
    }

    private static async Task<IResult> LoginAsync(
        LoginRequest request,
        HttpContext context,
        IAccountStore accounts,
        PasswordHasher hasher,
        SessionService sessions,
        ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        var logger = loggers.CreateLogger(typeof(SessionEndpoints));
        var name = UserNames.Normalize(request.User ?? string.Empty);
        var password = request.Password ?? string.Empty;
        var account = UserNames.IsValid(name) && password.Length <= PasswordHasher.MaximumLength
            ? await accounts.FindAsync(name, cancellationToken)
            : null;

        // Unknown users are checked against a dummy hash so both failures take as long and answer alike.
        var valid = await hasher.VerifyAsync(password, account?.PasswordHash, cancellationToken);
        if (account is null || !valid)
        {
            LogLoginFailed(logger, UserNames.IsValid(name) ? name : "(not a valid name)");
            return Problems.InvalidCredentials();
        }

        var (cookie, session) = await sessions.CreateAsync(account.User, cancellationToken);
        context.Response.Cookies.Append(SessionService.CookieName, cookie, new CookieOptions
        {
            Secure = true,
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            Path = "/",
            MaxAge = SessionService.IdleTimeout,
            IsEssential = true,
        });
        LogLoggedIn(logger, account.User);
        return TypedResults.Ok(
            new SessionResponse(account.User, account.DisplayName, account.IsAdmin, session.CsrfToken));
    }

    private static async Task<IResult> GetAsync(
        ClaimsPrincipal caller,
        IAccountStore accounts,
        CancellationToken cancellationToken)
    {
        var account = await accounts.FindAsync(caller.UserName(), cancellationToken);
        if (account is null)
        {
            return Problems.NotLoggedIn();
        }

        return TypedResults.Ok(new SessionResponse(
            account.User,
            account.DisplayName,
            account.IsAdmin,
            caller.CsrfTokenOf() ?? string.Empty));
    }

    private static async Task<IResult> LogoutAsync(
        ClaimsPrincipal caller,
        HttpContext context,
        SessionService sessions,
        RoomFanout fanout,
        CancellationToken cancellationToken)
    {
        var idHash = caller.SessionHashOf();
        if (idHash is not null)
        {
            await sessions.DeleteAsync(idHash, cancellationToken);
            fanout.EndSession(idHash);
        }

        context.Response.Cookies.Delete(SessionService.CookieName, new CookieOptions
        {
            Secure = true,
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            Path = "/",
        });
        return TypedResults.NoContent();
    }
}
