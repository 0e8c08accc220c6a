namespace Hubs.Contracts.Identity;

/// <summary>
/// One per user, keyed by user name. Knows which silos hold the user's connections and forwards
/// user events (joined or left a room) to them.
/// </summary>
[Alias("hubs.IUserGrain")]
public interface IUserGrain : IGrainWithStringKey
{
    [Alias("AttachSilo")]
    Task AttachSiloAsync(string siloKey, IUserObserver observer);

    [Alias("DetachSilo")]
    Task DetachSiloAsync(string siloKey);

    [Alias("Notify")]
    Task NotifyAsync(UserEvent userEvent);
}
