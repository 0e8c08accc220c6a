namespace Hubs.Contracts.Chat;

/// <summary>One emoji on a message and the users who reacted with it, in the order they did.</summary>
[GenerateSerializer, Immutable, Alias("hubs.Reaction")]
public sealed record Reaction(string Emoji, string[] Users);
