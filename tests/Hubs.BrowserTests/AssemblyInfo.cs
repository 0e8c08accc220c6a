using Hubs.BrowserTests;

// One server and one browser for the whole run; tests run one at a time on this 2-core machine.
[assembly: AssemblyFixture(typeof(HubsServerFixture))]
[assembly: CollectionBehavior(DisableTestParallelization = true)]
