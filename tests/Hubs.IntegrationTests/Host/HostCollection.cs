namespace Hubs.IntegrationTests.Host;

/// <summary>Tests here share one host: with Argon2, every new user costs a fraction of a second.</summary>
[CollectionDefinition(Name)]
public sealed class HostCollection : ICollectionFixture<HostFixture>
{
    public const string Name = "Host";
}
