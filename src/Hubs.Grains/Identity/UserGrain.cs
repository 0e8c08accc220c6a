using Hubs.Contracts.Identity;
using Hubs.Grains.FanOut;
using Microsoft.Extensions.Logging;

namespace Hubs.Grains.Identity;

/// <summary>
/// Forwards a user's events to the silos holding that user's connections. Holds no persistent state:
/// silos re-attach periodically, and after a restart the observers come back with them.
/// </summary>
[GrainType("user")]
public sealed partial class UserGrain(TimeProvider timeProvider, ILogger<UserGrain> logger) : Grain, IUserGrain
{
    private readonly SiloObserverSet<IUserObserver> observers = new(timeProvider);

    /// <inheritdoc />
    public Task AttachSiloAsync(string siloKey, IUserObserver observer)
    {
        observers.Attach(siloKey, observer);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task DetachSiloAsync(string siloKey)
    {
        observers.Detach(siloKey);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public async Task NotifyAsync(UserEvent userEvent)
    {
        ArgumentNullException.ThrowIfNull(userEvent);
        var dropped = await observers.NotifyAsync(o => o.OnUserEventAsync(userEvent));
        foreach (var (siloKey, error) in dropped)
        {
            LogObserverDropped(logger, error, this.GetPrimaryKeyString(), siloKey);
        }
    }
}
