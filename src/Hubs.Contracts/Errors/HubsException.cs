namespace Hubs.Contracts.Errors;

/// <summary>
/// A failure that is the caller's to fix. Its message is safe to show to the user: it never holds
/// message bodies, passwords or other secrets.
/// </summary>
[GenerateSerializer, Alias("hubs.HubsException")]
public sealed class HubsException : Exception
{
    public HubsException(HubsError error, string message)
        : base(message)
    {
        Error = error;
    }

    public HubsException()
    {
    }

    public HubsException(string message)
        : base(message)
    {
    }

    public HubsException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    [Id(0)]
    public HubsError Error { get; init; }
}
