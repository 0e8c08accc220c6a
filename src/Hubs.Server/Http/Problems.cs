using Hubs.Contracts.Errors;

namespace Hubs.Server.Http;

/// <summary>RFC 9457 problem details with stable <c>type</c> URIs.</summary>
public static class Problems
{
    public const string TypeBase = "https://hubs.example/problems/";

    public static IResult Invalid(string detail) =>
        Create(StatusCodes.Status400BadRequest, "invalid", "The request is not valid.", detail);

    public static IResult MalformedJson(string detail) =>
        Create(StatusCodes.Status400BadRequest, "malformed-request", "The request could not be read.", detail);

    public static IResult NotLoggedIn() =>
        Create(
            StatusCodes.Status401Unauthorized,
            "not-logged-in",
            "You are not logged in.",
            "Log in with POST /api/v1/session and send the session cookie.");

    public static IResult InvalidCredentials() =>
        Create(
            StatusCodes.Status401Unauthorized,
            "invalid-credentials",
            "The user name or password is wrong.",
            "Check the user name and password and try again.");

    public static IResult Forbidden(string detail) =>
        Create(StatusCodes.Status403Forbidden, "forbidden", "You may not do this.", detail);

    public static IResult CsrfTokenMissing() =>
        Create(
            StatusCodes.Status403Forbidden,
            "csrf-token",
            "The CSRF token is missing or wrong.",
            "Send the csrfToken from the login answer in the X-CSRF-Token header.");

    public static IResult NotFound(string detail) =>
        Create(StatusCodes.Status404NotFound, "not-found", "Not found.", detail);

    public static IResult TooLarge(string detail) =>
        Create(StatusCodes.Status413PayloadTooLarge, "too-large", "The request is too large.", detail);

    public static IResult Unexpected() =>
        Create(
            StatusCodes.Status500InternalServerError,
            "internal",
            "Something went wrong on the server.",
            "The error was logged; try again later.");

    public static IResult FromException(HubsException exception) => exception.Error switch
    {
        HubsError.Forbidden => Forbidden(exception.Message),
        HubsError.NotFound => NotFound(exception.Message),
        HubsError.Conflict => Create(StatusCodes.Status409Conflict, "conflict", "Conflict.", exception.Message),
        HubsError.TooLarge => TooLarge(exception.Message),
        _ => Invalid(exception.Message),
    };

    public static IResult FromStatus(int status, string detail) => status switch
    {
        StatusCodes.Status413PayloadTooLarge => TooLarge(detail),
        StatusCodes.Status404NotFound => NotFound(detail),
        StatusCodes.Status401Unauthorized => NotLoggedIn(),
        StatusCodes.Status403Forbidden => Forbidden(detail),
        _ when status is >= 400 and < 500 => MalformedJson(detail),
        _ => Unexpected(),
    };

    private static IResult Create(int status, string name, string title, string detail) =>
        TypedResults.Problem(detail: detail, statusCode: status, title: title, type: TypeBase + name);
}
