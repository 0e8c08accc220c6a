using Microsoft.Playwright;

namespace Hubs.BrowserTests;

/// <summary>Steps a person takes in the Hubs web app, by the app's data-testid hooks.</summary>
internal static class AppPage
{
    public static async Task<IPage> LoginAsync(IBrowserContext context, string user, string password)
    {
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(15_000);
        await page.GotoAsync("/");
        await page.GetByTestId("login-user").FillAsync(user);
        await page.GetByTestId("login-password").FillAsync(password);
        await page.GetByTestId("login-submit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("me")).ToBeVisibleAsync();
        return page;
    }

    public static ILocator RoomItem(IPage page, string roomName) =>
        page.Locator($"[data-testid=room-item][data-room-name=\"{roomName}\"]");

    public static ILocator Message(IPage page, long seq) =>
        page.Locator($"[data-testid=message][data-seq=\"{seq}\"]");
}
