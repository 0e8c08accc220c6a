namespace Hubs.Contracts.Chat;

/// <summary>The answer to posting: the message, and whether this call created it (false for a retry
/// with a client id that was already used).</summary>
[GenerateSerializer, Immutable, Alias("hubs.PostedMessage")]
public sealed record PostedMessage(ChatMessage Message, bool Created);
