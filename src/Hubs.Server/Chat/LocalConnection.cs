using Microsoft.AspNetCore.SignalR;

namespace Hubs.Server.Chat;

/// <summary>A SignalR connection on this silo and whose it is.</summary>
internal sealed record LocalConnection(string ConnectionId, string User, string SessionHash, HubCallerContext Context);
