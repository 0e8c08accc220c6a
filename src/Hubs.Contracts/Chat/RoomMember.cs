namespace Hubs.Contracts.Chat;

/// <summary>One member of a room and the member's role there.</summary>
[GenerateSerializer, Immutable, Alias("hubs.RoomMember")]
public sealed record RoomMember(string User, RoomRole Role);
