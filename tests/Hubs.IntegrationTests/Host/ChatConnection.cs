using System.Net;
using System.Threading.Channels;
using Hubs.Contracts.Chat;
using Hubs.Contracts.Identity;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Hubs.IntegrationTests.Host;

/// <summary>A SignalR client of <c>/hubs/chat</c> that records the events it receives.</summary>
public sealed class ChatConnection : IAsyncDisposable
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    private readonly Channel<RoomEvent> _roomEvents = Channel.CreateUnbounded<RoomEvent>();
    private readonly Channel<UserEvent> _userEvents = Channel.CreateUnbounded<UserEvent>();

    public ChatConnection(HubsTestHost host, CookieContainer cookies)
    {
        Connection = new HubConnectionBuilder()
            .WithUrl(new Uri(host.BaseAddress, "/hubs/chat"), options =>
            {
                options.Cookies = cookies;
                options.HttpMessageHandlerFactory = handler =>
                {
                    if (handler is HttpClientHandler http)
                    {
                        http.ServerCertificateCustomValidationCallback = (request, certificate, _, errors) =>
                            host.ValidateCertificate(request.RequestUri, certificate, errors);
                    }

                    return handler;
                };
                options.WebSocketConfiguration = socket =>
                    socket.RemoteCertificateValidationCallback = (_, certificate, _, errors) =>
                        host.ValidateCertificate(host.BaseAddress, certificate, errors);
            })
            .AddJsonProtocol(json =>
            {
                foreach (var converter in ApiClient.Json.Converters)
                {
                    json.PayloadSerializerOptions.Converters.Add(converter);
                }
            })
            .Build();
        Connection.On<RoomEvent>("roomEvent", e => _roomEvents.Writer.TryWrite(e));
        Connection.On<UserEvent>("userEvent", e => _userEvents.Writer.TryWrite(e));
    }

    public HubConnection Connection { get; }

    /// <summary>
    /// Connects and waits until the server has finished <c>OnConnectedAsync</c> (joined the room groups).
    /// SignalR completes the client's start at the handshake, before that; the server handles
    /// invocations only afterwards, so the answer to any invocation (here: an unknown method) marks it.
    /// </summary>
    public async Task StartAsync()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await Connection.StartAsync(cancellationToken).WaitAsync(Timeout, cancellationToken);
        await Assert.ThrowsAsync<HubException>(
            () => Connection.InvokeAsync("NoSuchMethodBarrier", cancellationToken)
                .WaitAsync(Timeout, cancellationToken));
    }

    public Task StopAsync() => Connection.StopAsync(TestContext.Current.CancellationToken).WaitAsync(Timeout);

    /// <summary>The next room event that matches, skipping others; fails after <see cref="Timeout"/>.</summary>
    public Task<RoomEvent> NextRoomEventAsync(Func<RoomEvent, bool> match) => NextAsync(_roomEvents.Reader, match);

    public Task<UserEvent> NextUserEventAsync(Func<UserEvent, bool> match) => NextAsync(_userEvents.Reader, match);

    public async ValueTask DisposeAsync() => await Connection.DisposeAsync();

    private static async Task<T> NextAsync<T>(ChannelReader<T> reader, Func<T, bool> match)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(Timeout);
        while (true)
        {
            var item = await reader.ReadAsync(timeout.Token);
            if (match(item))
            {
                return item;
            }
        }
    }
}
