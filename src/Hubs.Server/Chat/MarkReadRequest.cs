namespace Hubs.Server.Chat;

public sealed record MarkReadRequest(long? Seq);
