using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Hubs.BrowserTests;

public sealed class ChatTests(HubsServerFixture server)
{
    [Fact]
    public async Task TwoUsers_ChatLive_WithMarkdownMentionsUnreadEditsAndReactions()
    {
        await using var aliceContext = await server.NewContextAsync();
        await using var bobContext = await server.NewContextAsync();
        var alice = await AppPage.LoginAsync(aliceContext, "alice", HubsServerFixture.AlicePassword);
        var bob = await AppPage.LoginAsync(bobContext, "bob", HubsServerFixture.BobPassword);
        var roomName = "Project " + Guid.NewGuid().ToString("N")[..8];

        await alice.GetByTestId("new-room").ClickAsync();
        await alice.GetByTestId("new-room-name").FillAsync(roomName);
        await alice.Locator("[data-testid=member-option][data-user=bob]").CheckAsync();
        await alice.GetByTestId("new-room-create").ClickAsync();
        await Expect(alice.GetByTestId("room-title")).ToContainTextAsync(roomName);
        await alice.GetByTestId("composer").FillAsync("hello **world** @bob");
        await alice.GetByTestId("composer").PressAsync("Enter");
        var aliceMessage = alice.Locator("[data-testid=message][data-sender=alice]").Last;
        await Expect(aliceMessage.GetByTestId("message-body")).ToContainTextAsync("hello world");
        var seq = await aliceMessage.GetAttributeAsync("data-seq");

        // Bob never reloads: the room and its unread badge arrive over SignalR.
        var bobRoom = AppPage.RoomItem(bob, roomName);
        await Expect(bobRoom.GetByTestId("unread-badge")).ToBeVisibleAsync();
        await Expect(bobRoom.GetByTestId("mention-badge")).ToBeVisibleAsync();
        await bobRoom.ClickAsync();
        var bobMessage = bob.Locator($"[data-testid=message][data-seq=\"{seq}\"]");
        await Expect(bobMessage.Locator("[data-testid=message-body] strong")).ToHaveTextAsync("world");
        await Expect(bobMessage.Locator(".mention.mention-me")).ToHaveTextAsync("@bob");
        await Expect(bobMessage).ToHaveClassAsync(new Regex("mentions-me"));
        await Expect(bobRoom.GetByTestId("unread-badge")).ToHaveCountAsync(0);

        await aliceMessage.HoverAsync();
        await aliceMessage.GetByTestId("edit-message").ClickAsync();
        await aliceMessage.GetByTestId("edit-input").FillAsync("hello **everyone** @bob");
        await aliceMessage.GetByTestId("edit-input").PressAsync("Enter");
        await aliceMessage.HoverAsync();
        await aliceMessage.Locator("[data-testid=quick-reaction][data-emoji=\"👍\"]").ClickAsync();

        await Expect(bobMessage.Locator("[data-testid=message-body] strong")).ToHaveTextAsync("everyone");
        await Expect(bobMessage.GetByTestId("edited-marker")).ToBeVisibleAsync();
        var reaction = bobMessage.Locator("[data-testid=reaction][data-emoji=\"👍\"]");
        await Expect(reaction).ToHaveAttributeAsync("data-count", "1");

        // And a brand-new message reaches Bob's open room live, without a duplicate.
        await alice.GetByTestId("composer").FillAsync("second");
        await alice.GetByTestId("composer").PressAsync("Enter");
        var bobSecond = bob.Locator("[data-testid=message][data-sender=alice]").Filter(new() { HasText = "second" });
        await Expect(bobSecond).ToHaveCountAsync(1);
        await Expect(bob.Locator($"[data-testid=message][data-seq=\"{seq}\"]")).ToHaveCountAsync(1);
    }
}
