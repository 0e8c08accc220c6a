using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using Hubs.Contracts.Chat;

namespace Hubs.IntegrationTests.Host;

/// <summary>A member whose client stops reading must not cut the room off for the others.</summary>
[Collection(HostCollection.Name)]
public sealed class SlowClientTests(HostFixture fixture)
{
    [Fact]
    public async Task ClientThatStopsReading_DoesNotStopDeliveryToOthers()
    {
        var room = await fixture.Alice.CreateRoomAsync("stalled reader", "bob");
        await using var alice = fixture.Alice.CreateChatConnection();
        await alice.StartAsync();
        using var stalled = await ConnectWithoutReadingAsync(fixture.Bob);
        var text = new string('x', ChatLimits.MaxMessageLength - 10);

        // Far more than fits in bob's small socket window and the server's buffers.
        for (var i = 0; i < 120; i++)
        {
            await fixture.Alice.PostMessageAsync(room.Id, $"{i:D4} {text}");
        }

        var last = await fixture.Alice.PostMessageAsync(room.Id, "still delivered");

        var received = await alice.NextRoomEventAsync(e => e.RoomId == room.Id && e.Seq == last.Seq);
        Assert.Equal("still delivered", received.Message!.Text);
    }

    /// <summary>
    /// Opens a WebSocket to the hub as <paramref name="client"/>'s user with a tiny receive window,
    /// completes the SignalR handshake and then never reads again.
    /// </summary>
    private async Task<IDisposable> ConnectWithoutReadingAsync(ApiClient client)
    {
        var address = fixture.Host.BaseAddress;
        var tcp = new TcpClient { ReceiveBufferSize = 4096 };
        await tcp.ConnectAsync(address.Host, address.Port, TestContext.Current.CancellationToken);
        var tls = new SslStream(tcp.GetStream(), false, (_, certificate, _, errors) =>
            fixture.Host.ValidateCertificate(address, certificate, errors));
        await tls.AuthenticateAsClientAsync(
            new SslClientAuthenticationOptions { TargetHost = address.Host },
            TestContext.Current.CancellationToken);

        var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));
        var request =
            $"GET /hubs/chat HTTP/1.1\r\nHost: {address.Authority}\r\nUpgrade: websocket\r\n" +
            $"Connection: Upgrade\r\nSec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n" +
            $"Cookie: {client.Cookies.GetCookieHeader(address)}\r\n\r\n";
        await tls.WriteAsync(Encoding.ASCII.GetBytes(request), TestContext.Current.CancellationToken);
        var head = await ReadHeadAsync(tls);
        Assert.StartsWith("HTTP/1.1 101", head, StringComparison.Ordinal);

        await tls.WriteAsync(MaskedTextFrame("{\"protocol\":\"json\",\"version\":1}\u001e"),
            TestContext.Current.CancellationToken);
        return new Stalled(tls, tcp);
    }

    private static async Task<string> ReadHeadAsync(Stream stream)
    {
        var head = new StringBuilder();
        var one = new byte[1];
        while (!head.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal))
        {
            var read = await stream.ReadAsync(one, TestContext.Current.CancellationToken)
                .AsTask().WaitAsync(TimeSpan.FromSeconds(10));
            Assert.Equal(1, read);
            head.Append((char)one[0]);
        }

        return head.ToString();
    }

    private static byte[] MaskedTextFrame(string text)
    {
        var payload = Encoding.UTF8.GetBytes(text);
        Assert.True(payload.Length < 126);
        var mask = RandomNumberGenerator.GetBytes(4);
        var frame = new byte[2 + 4 + payload.Length];
        frame[0] = 0x81;
        frame[1] = (byte)(0x80 | payload.Length);
        mask.CopyTo(frame, 2);
        for (var i = 0; i < payload.Length; i++)
        {
            frame[6 + i] = (byte)(payload[i] ^ mask[i % 4]);
        }

        return frame;
    }

    private sealed class Stalled(SslStream tls, TcpClient tcp) : IDisposable
    {
        public void Dispose()
        {
            tls.Dispose();
            tcp.Dispose();
        }
    }
}
