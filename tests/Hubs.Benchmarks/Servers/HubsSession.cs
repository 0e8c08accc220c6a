namespace Hubs.Benchmarks.Servers;

/// <summary>A logged-in Hubs user: the session cookie header value and the CSRF token.</summary>
public sealed record HubsSession(string User, string Cookie, string CsrfToken);
