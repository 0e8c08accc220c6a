using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Hubs.BrowserTests;

public sealed class NarrowScreenTests(HubsServerFixture server)
{
    private static readonly ViewportSize Phone = new() { Width = 390, Height = 780 };

    [Fact]
    public async Task PhoneWidth_ShowsOnePane_LoadsOlderInPlace_AndGoesBack()
    {
        var ct = TestContext.Current.CancellationToken;
        using var aliceApi = await server.LoginApiAsync("alice", HubsServerFixture.AlicePassword);
        using var bobApi = await server.LoginApiAsync("bob", HubsServerFixture.BobPassword);
        var roomName = "phone " + Guid.NewGuid().ToString("N")[..8];
        var room = await aliceApi.PostAsync("/api/v1/rooms", new { name = roomName, members = new[] { "bob" } }, ct);
        var messagesPath = $"/api/v1/rooms/{Uri.EscapeDataString(room.GetProperty("id").GetString()!)}/messages";
        for (var i = 1; i <= 70; i++)
        {
            // Alternating senders, so every message shows its own header and takes real height.
            var sender = i % 2 == 0 ? bobApi : aliceApi;
            await sender.PostAsync(messagesPath, new { clientId = $"h-{i}", text = $"history {i}" }, ct);
        }

        await aliceApi.PostAsync(messagesPath, new { clientId = "long", text = new string('w', 400) }, ct);

        await using var context = await server.NewContextAsync(Phone);
        var bob = await AppPage.LoginAsync(context, "bob", HubsServerFixture.BobPassword);
        await AppPage.RoomItem(bob, roomName).ClickAsync();

        // The open room takes the whole width: the room list is hidden, nothing scrolls sideways.
        var list = bob.GetByTestId("message-list");
        await Expect(bob.GetByTestId("room-view")).ToBeVisibleAsync();
        await Expect(bob.GetByTestId("room-list")).ToBeHiddenAsync();
        await Expect(list.GetByText("history 70", new() { Exact = true })).ToBeVisibleAsync();
        Assert.True(await list.EvaluateAsync<bool>("el => el.scrollWidth <= el.clientWidth"));

        // Scrolling to the top loads older messages above the reader's place without jumping there.
        var oldestShown = bob.GetByTestId("message").First;
        var oldestSeq = await oldestShown.GetAttributeAsync("data-seq");
        await Expect(list.GetByText("history 1", new() { Exact = true })).ToHaveCountAsync(0);
        await list.EvaluateAsync("el => { el.scrollTop = 0; }");
        await Expect(list.GetByText("history 1", new() { Exact = true })).ToHaveCountAsync(1);
        await Expect(AppPage.Message(bob, long.Parse(oldestSeq!))).ToBeInViewportAsync();
        await Expect(list.GetByText("history 1", new() { Exact = true })).Not.ToBeInViewportAsync();

        await bob.GetByTestId("back").ClickAsync();
        await Expect(bob.GetByTestId("room-list")).ToBeVisibleAsync();
        await Expect(bob.GetByTestId("room-view")).ToBeHiddenAsync();
    }
}
