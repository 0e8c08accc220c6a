namespace Hubs.Contracts.Errors;

/// <summary>
/// The kind of failure a grain or store reports; the web layer maps each to an HTTP status and a
/// stable RFC 9457 problem <c>type</c>.
/// </summary>
public enum HubsError
{
    /// <summary>The input is malformed or breaks a rule (400).</summary>
    Invalid = 0,

    /// <summary>The caller may not do this (403).</summary>
    Forbidden = 1,

    /// <summary>The room, message or user does not exist, or the caller may not know it does (404).</summary>
    NotFound = 2,

    /// <summary>The request conflicts with the current state (409).</summary>
    Conflict = 3,

    /// <summary>The input is larger than allowed (413).</summary>
    TooLarge = 4,
}
