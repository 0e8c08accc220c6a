namespace Hubs.Contracts.Chat;

/// <summary>A page of history plus the room's current sequence, so a client knows where it stands.</summary>
/// <param name="HasMore">True when more messages lie beyond this page in the direction asked for.</param>
[GenerateSerializer, Immutable, Alias("hubs.MessagePage")]
public sealed record MessagePage(ChatMessage[] Messages, long LastSeq, bool HasMore);
