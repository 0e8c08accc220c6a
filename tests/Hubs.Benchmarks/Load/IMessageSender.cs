namespace Hubs.Benchmarks.Load;

/// <summary>Sends one benchmark message to the room, stamped with the time it leaves.</summary>
public interface IMessageSender
{
    /// <summary>Human-readable description printed with the results.</summary>
    string Description { get; }

    /// <summary>Requests that failed (HTTP status or transport error).</summary>
    long Failures { get; }

    /// <summary>Requests started but not answered yet.</summary>
    long InFlight { get; }

    /// <summary>
    /// Stamps and sends message <paramref name="index"/>; returns the stamp. The returned task may
    /// complete before the server answers (the sender tracks that in <see cref="InFlight"/>).
    /// </summary>
    ValueTask<long> SendAsync(long index, CancellationToken cancellationToken);
}
