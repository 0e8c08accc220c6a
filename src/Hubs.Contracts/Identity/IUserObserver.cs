namespace Hubs.Contracts.Identity;

/// <summary>One per silo: receives events for users connected to that silo.</summary>
[Alias("hubs.IUserObserver")]
public interface IUserObserver : IGrainObserver
{
    [Alias("OnUserEvent")]
    Task OnUserEventAsync(UserEvent userEvent);
}
