namespace Hubs.Contracts.Identity;

/// <summary>An event for one user's connections, wherever they are.</summary>
[GenerateSerializer, Immutable, Alias("hubs.UserEvent")]
public sealed record UserEvent(string User, UserEventKind Kind, string RoomId);
