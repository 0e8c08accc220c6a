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
        var policyViolations = new System.Collections.Concurrent.ConcurrentQueue<string>();
        foreach (var context in new[] { aliceContext, bobContext })
        {
            context.Console += (_, message) =>
            {
                if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
                {
                    policyViolations.Enqueue(message.Text);
                }
            };
        }

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

        await bob.GetByTestId("composer").FillAsync("sounds good");
        await Expect(alice.GetByTestId("typing-indicator")).ToContainTextAsync("Bob is typing");
        await bobMessage.HoverAsync();
        await bobMessage.GetByTestId("reply-message").ClickAsync();
        await bob.GetByTestId("composer").PressAsync("Enter");
        var reply = alice.Locator("[data-testid=message][data-sender=bob]").Filter(new() { HasText = "sounds good" });
        await Expect(reply.GetByTestId("reply-quote")).ToContainTextAsync("Alice");
        await Expect(alice.GetByTestId("typing-indicator")).ToBeEmptyAsync();

        alice.Dialog += (_, dialog) => _ = dialog.AcceptAsync();
        var aliceSecond = alice.Locator("[data-testid=message][data-sender=alice]").Filter(new() { HasText = "second" });
        await aliceSecond.HoverAsync();
        await aliceSecond.GetByTestId("delete-message").ClickAsync();
        await Expect(bobSecond).ToHaveCountAsync(0);
        await Expect(bob.GetByText("This message was deleted.")).ToBeVisibleAsync();

        // Deleting the quoted message removes its words from the reply's quote too.
        var quoted = AppPage.Message(alice, long.Parse(seq!));
        await quoted.HoverAsync();
        await quoted.GetByTestId("delete-message").ClickAsync();
        await Expect(reply.GetByTestId("reply-quote")).ToContainTextAsync("deleted message");
        await Expect(reply.GetByTestId("reply-quote")).Not.ToContainTextAsync("everyone");

        // The read marker was stored server-side and the session survives a reload.
        await bob.GotoAsync("/#/");
        await bob.ReloadAsync();
        await Expect(bob.GetByTestId("me")).ToBeVisibleAsync();
        await Expect(bobRoom).ToBeVisibleAsync();
        await Expect(bobRoom.GetByTestId("unread-badge")).ToHaveCountAsync(0);
        await bobRoom.ClickAsync();
        await Expect(bob.Locator("[data-testid=message][data-sender=bob]")).ToContainTextAsync("sounds good");

        // The whole journey ran under the server's strict Content-Security-Policy.
        Assert.Empty(policyViolations);
    }
}
