using System.Collections.Concurrent;
using Hubs.Contracts.Identity;

namespace Hubs.IntegrationTests.Grains;

/// <summary>Records user events; <see cref="WaitForAsync"/> waits for one that matches.</summary>
public sealed class RecordingUserObserver : IUserObserver
{
    private readonly ConcurrentQueue<UserEvent> events = new();
    private readonly SemaphoreSlim arrived = new(0);

    public Task OnUserEventAsync(UserEvent userEvent)
    {
        events.Enqueue(userEvent);
        arrived.Release();
        return Task.CompletedTask;
    }

    public async Task<UserEvent> WaitForAsync(Func<UserEvent, bool> match, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(15));
        while (true)
        {
            var found = events.FirstOrDefault(match);
            if (found is not null)
            {
                return found;
            }

            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero || !await arrived.WaitAsync(left, TestContext.Current.CancellationToken))
            {
                Assert.Fail("Expected user event did not arrive in time.");
            }
        }
    }
}
