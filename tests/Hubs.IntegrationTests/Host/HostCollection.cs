namespace Hubs.IntegrationTests.Host;

/// <summary>Tests in this collection share one host (Argon2 makes every new user cost a fraction of a second).</summary>
[CollectionDefinition(Name)]
public sealed class HostCollection : ICollectionFixture<HostFixture>
{
    public const string Name = "Host";
}
