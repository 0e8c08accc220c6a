using System.Net;
using System.Net.Http.Json;
using System.Net.WebSockets;
using Hubs.Contracts.Chat;

namespace Hubs.IntegrationTests.Host;

/// <summary>What keeps other sites' pages out: security headers and the Origin check.</summary>
[Collection(HostCollection.Name)]
public sealed class BrowserGuardTests(HostFixture fixture)
{
    private const string Foreign = "https://evil.example";

    [Theory]
    [InlineData("/")]
    [InlineData("/health")]
    [InlineData("/api/v1/session")]
    public async Task EveryAnswer_CarriesTheSecurityHeaders(string path)
    {
        using var client = fixture.Host.CreateClient();

        using var response = await client.SendAsync(HttpMethod.Get, path);

        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.StartsWith("max-age=", response.Headers.GetValues("Strict-Transport-Security").Single(),
            StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
    }

    [Theory]
    [InlineData("Origin", Foreign)]
    [InlineData("Origin", "null")]
    [InlineData("Sec-Fetch-Site", "cross-site")]
    public async Task StateChangingRequest_FromAnotherSite_IsRefusedAndChangesNothing(string header, string value)
    {
        var before = await fixture.Alice.SendAsync<RoomListItemShape[]>(HttpMethod.Get, "/api/v1/rooms");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/rooms")
        {
            Content = JsonContent.Create(new { name = "forged", members = new[] { "bob" } }),
        };
        request.Headers.Add("X-CSRF-Token", fixture.Alice.CsrfToken);
        request.Headers.Add(header, value);

        using var response = await fixture.Alice.Http.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("https://hubs.example/problems/forbidden", (await SessionTests.ProblemAsync(response)).Type);
        var after = await fixture.Alice.SendAsync<RoomListItemShape[]>(HttpMethod.Get, "/api/v1/rooms");
        Assert.Equal(before.Length, after.Length);
    }

    [Fact]
    public async Task StateChangingRequest_FromItsOwnOrigin_IsServed()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/rooms")
        {
            Content = JsonContent.Create(new { name = "same origin", members = new[] { "bob" } }),
        };
        request.Headers.Add("X-CSRF-Token", fixture.Alice.CsrfToken);
        request.Headers.Add("Origin", fixture.Host.BaseAddress.GetLeftPart(UriPartial.Authority));
        request.Headers.Add("Sec-Fetch-Site", "same-origin");

        using var response = await fixture.Alice.Http.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task Login_FromAnotherSite_IsRefused()
    {
        using var client = fixture.Host.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/session")
        {
            Content = JsonContent.Create(new { user = "alice", password = HostFixture.Password }),
        };
        request.Headers.Add("Origin", Foreign);

        using var response = await client.Http.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Empty(client.Cookies.GetCookies(fixture.Host.BaseAddress));
    }

    [Fact]
    public async Task Hub_FromAnotherSite_RefusesNegotiateAndWebSocket()
    {
        using var negotiate = new HttpRequestMessage(HttpMethod.Post, "/hubs/chat/negotiate?negotiateVersion=1");
        negotiate.Headers.Add("Origin", Foreign);
        using var own = new HttpRequestMessage(HttpMethod.Post, "/hubs/chat/negotiate?negotiateVersion=1");
        own.Headers.Add("Origin", fixture.Host.BaseAddress.GetLeftPart(UriPartial.Authority));
        using var socket = new ClientWebSocket();
        socket.Options.Cookies = fixture.Bob.Cookies;
        socket.Options.SetRequestHeader("Origin", Foreign);
        socket.Options.RemoteCertificateValidationCallback = (_, certificate, _, errors) =>
            fixture.Host.ValidateCertificate(fixture.Host.BaseAddress, certificate, errors);
        var wss = new UriBuilder(fixture.Host.BaseAddress) { Scheme = "wss", Path = "/hubs/chat" }.Uri;

        using var refused = await fixture.Bob.Http.SendAsync(negotiate, TestContext.Current.CancellationToken);
        using var served = await fixture.Bob.Http.SendAsync(own, TestContext.Current.CancellationToken);
        var upgrade = await Assert.ThrowsAsync<WebSocketException>(
            () => socket.ConnectAsync(wss, TestContext.Current.CancellationToken)
                .WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken));

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.Contains("403", upgrade.Message, StringComparison.Ordinal);
    }
}
