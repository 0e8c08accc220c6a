namespace Hubs.Server.Http;

/// <summary>
/// Refuses requests that a page of another site makes in the user's browser: state-changing API
/// calls and every request to the real-time hub (negotiate and the WebSocket itself, which
/// browsers open cross-site without any CORS check). A browser tells the origin in <c>Origin</c>
/// and <c>Sec-Fetch-Site</c>; scripts and the CLI send neither and are judged by their session and
/// CSRF token alone.
/// </summary>
internal sealed class OriginCheckMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        var guarded = request.Path.StartsWithSegments("/hubs")
            || (request.Path.StartsWithSegments("/api") && !HttpMethods.IsGet(request.Method)
                && !HttpMethods.IsHead(request.Method) && !HttpMethods.IsOptions(request.Method));
        if (!guarded || IsSameOrigin(request))
        {
            return next(context);
        }

        return Problems.Forbidden(
                "The request came from another site. Use Hubs from its own address.")
            .ExecuteAsync(context);
    }

    private static bool IsSameOrigin(HttpRequest request)
    {
        var site = request.Headers["Sec-Fetch-Site"].ToString();
        if (site is "cross-site" or "same-site")
        {
            return false;
        }

        var origin = request.Headers.Origin.ToString();
        if (origin.Length == 0)
        {
            return true;
        }

        return Uri.TryCreate(origin, UriKind.Absolute, out var uri)
            && string.Equals(uri.Scheme, request.Scheme, StringComparison.OrdinalIgnoreCase)
            && string.Equals(uri.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase);
    }
}
