namespace Hubs.Benchmarks.Bare;

/// <summary>Same fields as a Hubs message (docs/http-api.md), so both servers serialize alike.</summary>
public sealed record BareMessage(
    string RoomId,
    long Seq,
    long UpdatedSeq,
    string Kind,
    string Sender,
    string ClientId,
    string Text,
    DateTimeOffset CreatedAt,
    DateTimeOffset? EditedAt,
    bool Deleted,
    object? ReplyTo,
    IReadOnlyList<string> Mentions,
    IReadOnlyList<object> Reactions);
