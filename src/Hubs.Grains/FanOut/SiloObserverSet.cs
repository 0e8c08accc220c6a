namespace Hubs.Grains.FanOut;

/// <summary>
/// The observers of one grain, one per silo, each kept until it is detached, fails, or is not
/// refreshed within <see cref="Expiry"/>. Not thread-safe: it lives inside one grain activation.
/// </summary>
/// <remarks>
/// Workaround for dotnet/orleans#8284: ObserverManager.Notify calls observers one after another, so a
/// hung silo would delay every other silo. This notifies all of them at once, each with a timeout.
/// </remarks>
public sealed class SiloObserverSet<TObserver>(TimeProvider timeProvider)
    where TObserver : class
{
    public static readonly TimeSpan Expiry = TimeSpan.FromMinutes(2);

    public static readonly TimeSpan NotifyTimeout = TimeSpan.FromSeconds(2);

    private readonly Dictionary<string, (TObserver Observer, DateTimeOffset Expires)> observers =
        new(StringComparer.Ordinal);

    public int Count => observers.Count;

    public void Attach(string siloKey, TObserver observer)
    {
        ArgumentException.ThrowIfNullOrEmpty(siloKey);
        ArgumentNullException.ThrowIfNull(observer);
        observers[siloKey] = (observer, timeProvider.GetUtcNow() + Expiry);
    }

    public bool Detach(string siloKey) => observers.Remove(siloKey);

    /// <summary>
    /// Sends to every live observer in parallel and waits for all (each at most
    /// <see cref="NotifyTimeout"/>). Observers that expired, failed or timed out are removed and
    /// returned with the reason, so the caller can log them.
    /// </summary>
    public async Task<IReadOnlyList<(string SiloKey, Exception? Error)>> NotifyAsync(Func<TObserver, Task> send)
    {
        ArgumentNullException.ThrowIfNull(send);
        var dropped = new List<(string, Exception?)>();
        var now = timeProvider.GetUtcNow();
        foreach (var (key, _) in observers.Where(e => e.Value.Expires < now).ToList())
        {
            observers.Remove(key);
            dropped.Add((key, null));
        }

        if (observers.Count == 0)
        {
            return dropped;
        }

        var snapshot = observers.ToList();
        var results = await Task.WhenAll(snapshot.Select(e => SendOneAsync(e.Key, e.Value.Observer, send)));
        foreach (var (key, error) in results)
        {
            // Only drop the entry we called: a silo may have re-attached a new reference meanwhile.
            if (error is not null && observers.TryGetValue(key, out var current)
                && ReferenceEquals(current.Observer, snapshot.First(s => s.Key == key).Value.Observer))
            {
                observers.Remove(key);
                dropped.Add((key, error));
            }
        }

        return dropped;
    }

    private async Task<(string Key, Exception? Error)> SendOneAsync(
        string key,
        TObserver observer,
        Func<TObserver, Task> send)
    {
        try
        {
            await send(observer).WaitAsync(NotifyTimeout, timeProvider);
            return (key, null);
        }
        catch (Exception e)
        {
            return (key, e);
        }
    }
}
