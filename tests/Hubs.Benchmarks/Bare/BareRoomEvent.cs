namespace Hubs.Benchmarks.Bare;

/// <summary>Same shape as Hubs' <c>roomEvent</c> for a posted message.</summary>
public sealed record BareRoomEvent(string RoomId, long Seq, string Kind, BareMessage Message);
