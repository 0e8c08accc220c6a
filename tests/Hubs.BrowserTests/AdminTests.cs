using static Microsoft.Playwright.Assertions;

namespace Hubs.BrowserTests;

public sealed class AdminTests(HubsServerFixture server)
{
    [Fact]
    public async Task Admin_CreatesAnAccountOnTheAdminPage_AndTheNewUserLogsIn()
    {
        var user = "carol" + Guid.NewGuid().ToString("N")[..6];
        await using var adminContext = await server.NewContextAsync();
        await using var userContext = await server.NewContextAsync();
        var admin = await AppPage.LoginAsync(adminContext, "admin", server.AdminPassword);

        await admin.GetByTestId("admin-link").ClickAsync();
        await admin.GetByTestId("admin-user").FillAsync(user);
        await admin.GetByTestId("admin-display-name").FillAsync("Carol Admin-Made");
        await admin.GetByTestId("admin-password").FillAsync("carol-password-1");
        await admin.GetByTestId("admin-create").ClickAsync();

        await Expect(admin.GetByTestId("admin-result")).ToHaveClassAsync("ok");
        await Expect(admin.Locator($"[data-testid=admin-user-row][data-user=\"{user}\"]"))
            .ToContainTextAsync("Carol Admin-Made");
        var carol = await AppPage.LoginAsync(userContext, user, "carol-password-1");
        await Expect(carol.GetByTestId("me")).ToContainTextAsync("Carol Admin-Made");
        await Expect(carol.GetByTestId("admin-link")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Admin_CreatingAnExistingUser_ShowsTheConflict()
    {
        await using var adminContext = await server.NewContextAsync();
        var admin = await AppPage.LoginAsync(adminContext, "admin", server.AdminPassword);

        await admin.GetByTestId("admin-link").ClickAsync();
        await admin.GetByTestId("admin-user").FillAsync("alice");
        await admin.GetByTestId("admin-password").FillAsync("another-password");
        await admin.GetByTestId("admin-create").ClickAsync();

        await Expect(admin.GetByTestId("admin-result")).ToHaveClassAsync("error");
        await Expect(admin.Locator("[data-testid=admin-user-row][data-user=alice]")).ToHaveCountAsync(1);
    }
}
