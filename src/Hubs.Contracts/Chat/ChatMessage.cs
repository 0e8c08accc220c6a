namespace Hubs.Contracts.Chat;

/// <summary>
/// One message as stored and as sent to clients. <see cref="Seq"/> is the room's sequence number
/// given when the message was posted and never changes; <see cref="UpdatedSeq"/> is the room
/// sequence of the latest change to it (post, edit, delete or reaction), which is what catch-up
/// ("everything after seq N") is ordered by.
/// </summary>
/// <param name="Text">Markdown source; empty once deleted.</param>
/// <param name="Mentions">User names mentioned with <c>@name</c>, and <c>all</c> for <c>@all</c>.</param>
[GenerateSerializer, Immutable, Alias("hubs.ChatMessage")]
public sealed record ChatMessage(
    string RoomId,
    long Seq,
    long UpdatedSeq,
    MessageKind Kind,
    string Sender,
    string? ClientId,
    string Text,
    DateTimeOffset CreatedAt,
    DateTimeOffset? EditedAt,
    bool Deleted,
    MessageQuote? ReplyTo,
    string[] Mentions,
    Reaction[] Reactions);
