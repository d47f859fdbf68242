using System.Net;
using Console.Domain.Admin;
using Console.Tests.Support;

namespace Console.Tests.Sales;

/// <summary>The dashboard through the real pipeline: who reaches it, and where Managers land.</summary>
public sealed class SalesPageHttpTests : IDisposable
{
    private readonly ConsoleApp _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task Anonymous_readers_are_sent_to_sign_in()
    {
        var response = await new BrowserSession(_app).Client.GetAsync("/sales");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/signin?ReturnUrl=%2Fsales", response.Headers.Location!.PathAndQuery);
    }

    [Theory]
    [InlineData(Roles.Manager, true)]
    [InlineData(Roles.Admin, false)]
    [InlineData(Roles.Marketer, false)]
    public async Task Every_role_may_read_it_and_managers_land_on_it(string role, bool landsOnIt)
    {
        await BrowserSession.AddUserAsync(_app, "u@x.io", role);
        var browser = new BrowserSession(_app);
        await browser.SignInAsync("u@x.io", "longpassword1");

        var sales = await browser.Client.GetAsync("/sales");
        Assert.Equal(HttpStatusCode.OK, sales.StatusCode);
        Assert.Contains("No orders yet", await sales.Content.ReadAsStringAsync());
        var home = await browser.Client.GetStringAsync("/");
        Assert.Equal(landsOnIt, home.Contains("No orders yet", StringComparison.Ordinal));
        // The others start on their own work: system health for Admins, running campaigns for Marketers.
        Assert.Equal(role == Roles.Admin, home.Contains("System health", StringComparison.Ordinal));
        Assert.Equal(role == Roles.Marketer, home.Contains("Running now", StringComparison.Ordinal));
        Assert.Contains("href=\"/sales\"", home);
    }
}
