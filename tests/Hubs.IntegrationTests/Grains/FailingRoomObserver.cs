using Hubs.Contracts.Chat;

namespace Hubs.IntegrationTests.Grains;

/// <summary>An observer whose every call fails, as a silo that lost its hub would.</summary>
public sealed class FailingRoomObserver : IRoomObserver
{
    private int calls;

    public int Calls => Volatile.Read(ref calls);

    public Task OnRoomEventAsync(RoomEvent roomEvent)
    {
        Interlocked.Increment(ref calls);
        throw new InvalidOperationException("This observer always fails.");
    }
}
