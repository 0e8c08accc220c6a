using Hubs.Contracts.Chat;

namespace Hubs.Storage.Chat;

/// <summary>Messages read from the store, oldest first, and whether more lie beyond them.</summary>
public sealed record MessageSlice(IReadOnlyList<ChatMessage> Messages, bool HasMore);
