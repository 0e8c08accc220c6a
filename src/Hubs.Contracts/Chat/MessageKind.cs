namespace Hubs.Contracts.Chat;

/// <summary>A message written by a user, or a line the room writes itself ("alice added bob").</summary>
public enum MessageKind
{
    Text = 0,
    System = 1,
}
