using System.Text.RegularExpressions;

namespace Hubs.Contracts.Identity;

/// <summary>
/// User names are lower-case ASCII letters, digits, '.', '_' and '-', 1 to 64 characters, starting
/// with a letter or digit. They appear in mentions (<c>@bob</c>), URLs and federated ids, so they
/// are kept plain.
/// </summary>
public static partial class UserNames
{
    public const int MaxLength = 64;

    /// <summary>Mentioning this name notifies every member of the room.</summary>
    public const string Everyone = "all";

    public static bool IsValid(string? name) =>
        name is not null && name.Length <= MaxLength && Pattern().IsMatch(name) && name != Everyone;

    /// <summary>Lower-cases and trims what a person typed; the result still needs <see cref="IsValid"/>.</summary>
    public static string Normalize(string name) => name.Trim().ToLowerInvariant();

    [GeneratedRegex("^[a-z0-9][a-z0-9._-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
