namespace Hubs.Contracts.Chat;

/// <summary>The start of the message a reply quotes, so clients can show it without a second request.</summary>
[GenerateSerializer, Immutable, Alias("hubs.MessageQuote")]
public sealed record MessageQuote(long Seq, string Sender, string Excerpt);
