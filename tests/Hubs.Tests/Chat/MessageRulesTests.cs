using Hubs.Contracts.Chat;
using Hubs.Contracts.Errors;
using Hubs.Grains.Chat;

namespace Hubs.Tests.Chat;

public sealed class MessageRulesTests
{
    private static readonly string[] Members = ["bob", "ann.lee", "carol"];

    [Theory]
    [InlineData("hi @bob", new[] { "bob" })]
    [InlineData("@Bob, @carol and @bob again", new[] { "bob", "carol" })]
    [InlineData("thanks @bob.", new[] { "bob" })]
    [InlineData("cc @ann.lee!", new[] { "ann.lee" })]
    [InlineData("@all please read", new[] { "all" })]
    [InlineData("mail bob@bob or @dave", new string[0])]
    [InlineData("no mentions here", new string[0])]
    public void ParseMentions_FindsMembersAndAll(string text, string[] expected)
    {
        var mentions = MessageRules.ParseMentions(text, Members);

        Assert.Equal(expected, mentions);
    }

    [Fact]
    public void ValidateText_EmptyOrWhiteSpace_IsInvalid()
    {
        Assert.Equal(HubsError.Invalid, Assert.Throws<HubsException>(() => MessageRules.ValidateText("")).Error);
        Assert.Equal(HubsError.Invalid, Assert.Throws<HubsException>(() => MessageRules.ValidateText(" \t\n")).Error);
        Assert.Equal(HubsError.Invalid, Assert.Throws<HubsException>(() => MessageRules.ValidateText(null)).Error);
    }

    [Fact]
    public void ValidateText_LimitIsInclusive_AndOneMoreIsTooLarge()
    {
        MessageRules.ValidateText(new string('a', ChatLimits.MaxMessageLength));
        MessageRules.ValidateText("x");

        var error = Assert.Throws<HubsException>(
            () => MessageRules.ValidateText(new string('a', ChatLimits.MaxMessageLength + 1)));

        Assert.Equal(HubsError.TooLarge, error.Error);
    }

    [Theory]
    [InlineData("", false)]
    [InlineData("a", true)]
    [InlineData(null, false)]
    public void ValidateClientId_NeedsOneCharacter(string? clientId, bool valid)
    {
        var error = Record.Exception(() => MessageRules.ValidateClientId(clientId));

        Assert.Equal(valid, error is null);
    }

    [Fact]
    public void ValidateClientId_OverLimit_IsInvalid()
    {
        MessageRules.ValidateClientId(new string('c', ChatLimits.MaxClientIdLength));

        var error = Assert.Throws<HubsException>(
            () => MessageRules.ValidateClientId(new string('c', ChatLimits.MaxClientIdLength + 1)));

        Assert.Equal(HubsError.Invalid, error.Error);
    }

    [Theory]
    [InlineData("👍", true)]
    [InlineData(":+1:", true)]
    [InlineData("", false)]
    [InlineData("a b", false)]
    [InlineData("123456789012345678901234567890123", false)]
    public void ValidateEmoji_ChecksLengthAndSpaces(string emoji, bool valid)
    {
        var error = Record.Exception(() => MessageRules.ValidateEmoji(emoji));

        Assert.Equal(valid, error is null);
    }

    [Fact]
    public void Excerpt_CutsAt200CharactersWithoutSplittingSurrogates()
    {
        var shortText = "short";
        var longText = new string('a', 198) + "😀😀😀";

        var cut = MessageRules.Excerpt(longText);

        Assert.Equal(shortText, MessageRules.Excerpt(shortText));
        Assert.True(cut.Length <= MessageRules.MaxExcerptLength);
        Assert.EndsWith("…", cut, StringComparison.Ordinal);
        Assert.False(char.IsHighSurrogate(cut[^2]));
    }

    [Fact]
    public void NormalizeRoomName_TrimsAndChecksLength()
    {
        Assert.Equal("Team", MessageRules.NormalizeRoomName("  Team "));
        Assert.Equal(HubsError.Invalid, Assert.Throws<HubsException>(() => MessageRules.NormalizeRoomName(" ")).Error);
        Assert.Throws<HubsException>(() => MessageRules.NormalizeRoomName(new string('n', 201)));
    }

    [Fact]
    public void DirectRoomId_IsOrderIndependent()
    {
        Assert.Equal("dm.ann.bob", RoomIds.Direct("bob", "ann"));
        Assert.Equal(RoomIds.Direct("ann", "bob"), RoomIds.Direct("bob", "ann"));
    }
}
