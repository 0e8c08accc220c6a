using Hubs.Contracts.Chat;

namespace Hubs.Grains.Chat;

/// <summary>The persistent state of a room grain (stored as JSON by the "Default" grain storage).</summary>
[GenerateSerializer, Alias("hubs.RoomState")]
public sealed class RoomState
{
    [Id(0)]
    public bool Exists { get; set; }

    [Id(1)]
    public string Name { get; set; } = "";

    [Id(2)]
    public RoomKind Kind { get; set; }

    [Id(3)]
    public DateTimeOffset CreatedAt { get; set; }

    [Id(4)]
    public Dictionary<string, RoomRole> Members { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The room seq when the state was last written: a floor only; the message rows win.</summary>
    [Id(5)]
    public long LastSeq { get; set; }
}
