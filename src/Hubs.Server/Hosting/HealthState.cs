namespace Hubs.Server.Hosting;

/// <summary>Set once the host (and with it the silo) has started, so <c>/health</c> answers 200.</summary>
public sealed class HealthState
{
    private volatile bool _ready;

    public bool Ready => _ready;

    public void MarkReady() => _ready = true;

    public void MarkStopping() => _ready = false;
}
