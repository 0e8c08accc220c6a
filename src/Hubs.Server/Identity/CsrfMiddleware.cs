using System.Security.Cryptography;
using System.Text;
using Hubs.Server.Http;

namespace Hubs.Server.Identity;

/// <summary>
/// State-changing API requests made with a session must carry the session's CSRF token in
/// <c>X-CSRF-Token</c>. Login is exempt: it has no session yet.
/// </summary>
internal sealed class CsrfMiddleware(RequestDelegate next)
{
    public const string HeaderName = "X-CSRF-Token";

    public Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (!IsStateChanging(request.Method)
            || !request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
            || IsLogin(request))
        {
            return next(context);
        }

        // Without a live session the endpoint answers 401 itself; only an authenticated caller has a token.
        var expected = context.User.CsrfTokenOf();
        if (expected is null)
        {
            return next(context);
        }

        var sent = request.Headers[HeaderName].ToString();
        if (!CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(sent), Encoding.UTF8.GetBytes(expected)))
        {
            return Problems.CsrfTokenMissing().ExecuteAsync(context);
        }

        return next(context);
    }

    private static bool IsStateChanging(string method) =>
        HttpMethods.IsPost(method) || HttpMethods.IsPut(method)
        || HttpMethods.IsPatch(method) || HttpMethods.IsDelete(method);

    private static bool IsLogin(HttpRequest request) =>
        HttpMethods.IsPost(request.Method)
        && request.Path.Equals("/api/v1/session", StringComparison.OrdinalIgnoreCase);
}
