namespace Hubs.Cli;

/// <summary>A failure the person at the terminal can fix; its message is printed as it is.</summary>
public sealed class CliException(string message) : Exception(message);
