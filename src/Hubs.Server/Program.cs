using Hubs.Server;

var app = HubsApp.Build(args);
await app.RunAsync();
