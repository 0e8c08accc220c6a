using System.Text.RegularExpressions;
using Hubs.Contracts.Chat;
using Hubs.Contracts.Errors;
using Hubs.Contracts.Identity;

namespace Hubs.Grains.Chat;

/// <summary>Validation of what users send, mention parsing and reply excerpts.</summary>
public static partial class MessageRules
{
    public const int MaxExcerptLength = 200;

    public const int MaxEmojiLength = 32;

    /// <summary>Text is 1 to <see cref="ChatLimits.MaxMessageLength"/> characters and not only white space.</summary>
    public static void ValidateText(string? text)
    {
        if (text is not null && text.Length > ChatLimits.MaxMessageLength)
        {
            throw new HubsException(
                HubsError.TooLarge,
                $"A message holds at most {ChatLimits.MaxMessageLength} characters; this one has {text.Length}.");
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            throw new HubsException(HubsError.Invalid, "The message is empty.");
        }
    }

    public static void ValidateClientId(string? clientId)
    {
        if (string.IsNullOrEmpty(clientId) || clientId.Length > ChatLimits.MaxClientIdLength)
        {
            throw new HubsException(
                HubsError.Invalid,
                $"clientId must be 1 to {ChatLimits.MaxClientIdLength} characters.");
        }
    }

    public static void ValidateEmoji(string? emoji)
    {
        if (string.IsNullOrWhiteSpace(emoji) || emoji.Length > MaxEmojiLength || emoji.Any(char.IsWhiteSpace))
        {
            throw new HubsException(
                HubsError.Invalid,
                $"A reaction is 1 to {MaxEmojiLength} characters without spaces.");
        }
    }

    /// <summary>Trims a group room name and checks it is 1 to
    /// <see cref="ChatLimits.MaxRoomNameLength"/> characters.</summary>
    public static string NormalizeRoomName(string? name)
    {
        var trimmed = name?.Trim() ?? "";
        if (trimmed.Length == 0)
        {
            throw new HubsException(HubsError.Invalid, "The room needs a name.");
        }

        if (trimmed.Length > ChatLimits.MaxRoomNameLength)
        {
            throw new HubsException(
                HubsError.Invalid,
                $"A room name holds at most {ChatLimits.MaxRoomNameLength} characters.");
        }

        return trimmed;
    }

    /// <summary>
    /// The members mentioned with <c>@name</c> (and <c>all</c> for <c>@all</c>), each once, in order of
    /// first appearance. Names that are not members are ignored; punctuation after a name
    /// (<c>@bob.</c>, <c>@bob-</c>) is not part of it unless a member has that exact name.
    /// </summary>
    public static string[] ParseMentions(string text, IReadOnlyCollection<string> members)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(members);
        var found = new List<string>();
        foreach (Match match in MentionPattern().Matches(text))
        {
            var name = match.Groups[1].Value.ToLowerInvariant();
            while (name.Length > 0 && name != UserNames.Everyone && !members.Contains(name)
                && name[^1] is '.' or '_' or '-')
            {
                name = name[..^1];
            }

            var known = name == UserNames.Everyone || members.Contains(name);
            if (known && !found.Contains(name))
            {
                found.Add(name);
            }
        }

        return [.. found];
    }

    /// <summary>The start of a quoted message: at most <see cref="MaxExcerptLength"/> characters.</summary>
    public static string Excerpt(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length <= MaxExcerptLength)
        {
            return text;
        }

        var cut = MaxExcerptLength - 1;
        if (char.IsHighSurrogate(text[cut - 1]))
        {
            cut--;
        }

        return string.Concat(text.AsSpan(0, cut), "…");
    }

    // An @ that starts a word (not inside an e-mail address), then a user name.
    [GeneratedRegex(@"(?<![\p{L}\p{N}_.@-])@([A-Za-z0-9][A-Za-z0-9._-]*)", RegexOptions.CultureInvariant)]
    private static partial Regex MentionPattern();
}
