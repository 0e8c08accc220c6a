using System.Net;
using Hubs.Contracts.Chat;
using Hubs.Server.Identity;

namespace Hubs.IntegrationTests.Host;

/// <summary>Its own host, since it stops and starts it.</summary>
public sealed class RestartTests
{
    [Fact]
    public async Task Restart_OnTheSameDataFolder_KeepsUsersRoomsMessagesAndSeq()
    {
        await using var host = await HubsTestHost.StartAsync(cancellationToken: TestContext.Current.CancellationToken);
        var adminPassword = host.AdminPassword;
        var fingerprint = host.CertificateFingerprint;
        RoomInfo room;
        ChatMessage last;
        using (var admin = await host.LoginAsync("admin", adminPassword))
        {
            using var created = await admin.SendAsync(
                HttpMethod.Post,
                "/api/v1/users",
                new { user = "carol", password = HostFixture.Password, displayName = "Carol" });
            await ApiClient.EnsureStatusAsync(created, HttpStatusCode.Created);
            room = await admin.CreateRoomAsync("durable", "carol");
            await admin.PostMessageAsync(room.Id, "before restart 1");
            last = await admin.PostMessageAsync(room.Id, "before restart 2", clientId: "kept-id");
        }

        await host.StopAsync();
        await host.StartAgainAsync(cancellationToken: TestContext.Current.CancellationToken);

        using var carol = await host.LoginAsync("carol", HostFixture.Password);
        var history = await carol.GetMessagesAsync(room.Id);
        var rooms = await carol.SendAsync<RoomListItemShape[]>(HttpMethod.Get, "/api/v1/rooms");
        var next = await carol.PostMessageAsync(room.Id, "after restart");
        using var admin2 = await host.LoginAsync("admin", adminPassword);
        var retry = await admin2.SendAsync<ChatMessage>(
            HttpMethod.Post,
            $"/api/v1/rooms/{room.Id}/messages",
            new { clientId = "kept-id", text = "before restart 2" });

        Assert.Equal(fingerprint, host.CertificateFingerprint);
        Assert.Equal(adminPassword, host.AdminPassword);
        Assert.Equal(["before restart 1", "before restart 2"], history.Messages.TakeLast(2).Select(m => m.Text));
        Assert.Equal(last.Seq, history.LastSeq);
        Assert.Equal(room.Id, Assert.Single(rooms).Id);
        Assert.Equal(last.Seq + 1, next.Seq);
        Assert.Equal(last.Seq, retry.Seq);
        var me = await admin2.SendAsync<SessionResponse>(HttpMethod.Get, "/api/v1/session");
        Assert.True(me.IsAdmin);
    }
}
