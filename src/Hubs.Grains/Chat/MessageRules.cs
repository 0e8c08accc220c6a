using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
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
    public static void ValidateText([NotNull] string? text)
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

    public static void ValidateClientId([NotNull] string? clientId)
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
        if (!IsEmoji(emoji))
        {
            throw new HubsException(
                HubsError.Invalid,
                $"A reaction is one emoji (at most {MaxEmojiLength} characters), not text.");
        }
    }

    /// <summary>
    /// True for one emoji: a single grapheme cluster of symbols, joiners, variation selectors and
    /// modifiers (flags, skin tones, ZWJ families and keycaps such as 1️⃣ included), or a short code
    /// such as <c>:+1:</c>. Letters, digits, ASCII punctuation (<c>../</c>), white space, control
    /// characters and broken surrogates are not.
    /// </summary>
    public static bool IsEmoji(string? emoji)
    {
        if (string.IsNullOrEmpty(emoji) || emoji.Length > MaxEmojiLength)
        {
            return false;
        }

        if (ShortCodePattern().IsMatch(emoji))
        {
            return true;
        }

        if (StringInfo.GetNextTextElementLength(emoji) != emoji.Length)
        {
            return false;
        }

        var keycap = emoji.Contains('\u20E3', StringComparison.Ordinal);
        var span = emoji.AsSpan();
        var first = true;
        while (!span.IsEmpty)
        {
            if (Rune.DecodeFromUtf16(span, out var rune, out var used) != OperationStatus.Done)
            {
                return false;
            }

            var allowed = rune.IsAscii
                ? first && keycap && (Rune.IsDigit(rune) || rune.Value is '#' or '*')
                : Rune.GetUnicodeCategory(rune) switch
                {
                    UnicodeCategory.OtherSymbol or UnicodeCategory.MathSymbol or UnicodeCategory.ModifierSymbol
                        or UnicodeCategory.OtherPunctuation or UnicodeCategory.DashPunctuation => true,
                    UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark
                        or UnicodeCategory.Format => !first,
                    _ => false,
                };
            if (!allowed)
            {
                return false;
            }

            first = false;
            span = span[used..];
        }

        return true;
    }

    /// <summary>
    /// True when a name holds characters that do not show as themselves: control characters (NUL, line
    /// breaks) or bidirectional overrides and isolates, which can make a name read as another.
    /// </summary>
    public static bool HasHiddenCharacters(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return name.Any(c => char.IsControl(c) || c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069');
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

        if (HasHiddenCharacters(trimmed))
        {
            throw new HubsException(
                HubsError.Invalid,
                "A room name holds no control characters or direction overrides.");
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

    [GeneratedRegex("^:[a-z0-9_+-]+:$", RegexOptions.CultureInvariant)]
    private static partial Regex ShortCodePattern();

    // An @ that starts a word (not inside an e-mail address), then a user name.
    [GeneratedRegex(@"(?<![\p{L}\p{N}_.@-])@([A-Za-z0-9][A-Za-z0-9._-]*)", RegexOptions.CultureInvariant)]
    private static partial Regex MentionPattern();
}
