namespace Hubs.IntegrationTests.Host;

/// <summary>The RFC 9457 fields the tests look at.</summary>
internal sealed record ProblemShape(string? Type, string? Title, int? Status, string? Detail);
