using Hubs.Contracts.Chat;

namespace Hubs.IntegrationTests.Grains;

/// <summary>An observer that records every room event and lets a test wait for a condition on them.</summary>
public sealed class RecordingRoomObserver : IRoomObserver
{
    private readonly Lock gate = new();
    private readonly List<RoomEvent> events = [];
    private TaskCompletionSource changed = NewSignal();

    public IReadOnlyList<RoomEvent> Events
    {
        get
        {
            lock (gate)
            {
                return [.. events];
            }
        }
    }

    public Task OnRoomEventAsync(RoomEvent roomEvent)
    {
        TaskCompletionSource signal;
        lock (gate)
        {
            events.Add(roomEvent);
            signal = changed;
            changed = NewSignal();
        }

        signal.TrySetResult();
        return Task.CompletedTask;
    }

    /// <summary>Waits until <paramref name="condition"/> holds for the recorded events, or fails.</summary>
    public async Task<IReadOnlyList<RoomEvent>> WaitForAsync(
        Func<IReadOnlyList<RoomEvent>, bool> condition,
        TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(15));
        while (true)
        {
            Task next;
            IReadOnlyList<RoomEvent> snapshot;
            lock (gate)
            {
                snapshot = [.. events];
                next = changed.Task;
            }

            if (condition(snapshot))
            {
                return snapshot;
            }

            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero)
            {
                Assert.Fail($"Condition not met in time; {snapshot.Count} events received.");
            }

            await Task.WhenAny(next, Task.Delay(left, TestContext.Current.CancellationToken));
        }
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
