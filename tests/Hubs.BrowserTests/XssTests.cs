using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Hubs.BrowserTests;

public sealed class XssTests(HubsServerFixture server)
{
    private static readonly string[] Payloads =
    [
        "<script>window.__xss = 'script'</script>",
        "<img src=x onerror=\"window.__xss='img'\">",
        "<svg onload=\"window.__xss='svg'\"></svg>",
        "<iframe srcdoc=\"<script>parent.__xss='iframe'</script>\"></iframe>",
        "[click me](javascript:alert('link'))",
        "[click me](JaVaScRiPt&#58;alert('entity'))",
        "[click me](vbscript:msgbox(1))",
        "[click me](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
        "![pic](javascript:alert('image'))",
        "<a href=\"javascript:alert('raw')\" onclick=\"window.__xss='click'\">raw</a>",
        "**<img src=x onerror=alert('bold')>**",
        "@bob\"><img src=x onerror=alert('mention')>",
        "<details open ontoggle=\"window.__xss='details'\">x</details>",
    ];

    [Fact]
    public async Task HostileMessages_RenderAsInertText()
    {
        var ct = TestContext.Current.CancellationToken;
        using var aliceApi = await server.LoginApiAsync("alice", HubsServerFixture.AlicePassword);
        var room = await aliceApi.PostAsync(
            "/api/v1/rooms", new { name = "xss " + Guid.NewGuid().ToString("N")[..8], members = new[] { "bob" } }, ct);
        var roomId = room.GetProperty("id").GetString()!;
        for (var i = 0; i < Payloads.Length; i++)
        {
            await aliceApi.PostAsync(
                $"/api/v1/rooms/{Uri.EscapeDataString(roomId)}/messages", new { clientId = $"xss-{i}", text = Payloads[i] }, ct);
        }

        await using var context = await server.NewContextAsync();
        var dialogs = new List<string>();
        context.Page += (_, page) => page.Dialog += (_, dialog) =>
        {
            lock (dialogs)
            {
                dialogs.Add(dialog.Message);
            }

            _ = dialog.DismissAsync();
        };
        var bob = await AppPage.LoginAsync(context, "bob", HubsServerFixture.BobPassword);

        await bob.GotoAsync("/#/rooms/" + Uri.EscapeDataString(roomId));
        var messages = bob.Locator("[data-testid=message][data-sender=alice] [data-testid=message-body]");
        await Expect(messages).ToHaveCountAsync(Payloads.Length);
        await Expect(messages.First).ToContainTextAsync("<script>");
        // Hover and click every link, as a curious reader would.
        foreach (var link in await bob.Locator("[data-testid=message-body] a").AllAsync())
        {
            await link.HoverAsync();
        }

        var findings = await bob.EvaluateAsync<string[]>(
            """
            () => {
              const found = [];
              if (window.__xss !== undefined) found.push('window.__xss=' + window.__xss);
              for (const el of document.querySelectorAll('[data-testid=message-list] *')) {
                for (const a of el.attributes) {
                  if (a.name.toLowerCase().startsWith('on')) found.push(el.tagName + ' has ' + a.name);
                  if (['src', 'srcdoc', 'data', 'formaction'].includes(a.name.toLowerCase()))
                    found.push(el.tagName + ' has ' + a.name);
                }
                if (['SCRIPT', 'IFRAME', 'IMG', 'SVG', 'OBJECT', 'EMBED', 'DETAILS'].includes(el.tagName.toUpperCase()))
                  found.push('element ' + el.tagName);
              }
              for (const a of document.querySelectorAll('a[href]')) {
                const protocol = new URL(a.getAttribute('href'), location.href).protocol;
                if (!['http:', 'https:', 'mailto:'].includes(protocol)) found.push('href ' + a.getAttribute('href'));
              }
              return found;
            }
            """);

        Assert.Empty(findings);
        lock (dialogs)
        {
            Assert.Empty(dialogs);
        }
    }
}
