using System.Net;
using Console.Domain.Admin;
using Console.Tests.Support;
using Console.Tests.Support;

namespace Console.Tests.Sales;

/// <summary>The Hangfire dashboard through the real pipeline and the console's cookie sign-in.</summary>
public sealed class JobsDashboardTests : IDisposable
{
    private readonly ConsoleApp _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task Nobody_signed_in_is_sent_to_the_sign_in_form_and_comes_back_to_the_dashboard()
    {
        var response = await new BrowserSession(_app).Client.GetAsync("/jobs");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/signin?ReturnUrl=%2Fjobs", response.Headers.Location!.PathAndQuery);
    }

    [Theory]
    [InlineData(Roles.Manager)]
    [InlineData(Roles.Marketer)]
    public async Task Managers_and_marketers_are_refused(string role)
    {
        await BrowserSession.AddUserAsync(_app, "u@x.io", role);
        var browser = new BrowserSession(_app);
        await browser.SignInAsync("u@x.io", "longpassword1");

        foreach (var path in new[] { "/jobs", "/jobs/recurring", "/jobs/stats" })
        {
            var response = await browser.Client.GetAsync(path);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/denied", response.Headers.Location!.PathAndQuery);
        }
    }

    [Fact]
    public async Task An_admin_sees_the_dashboard_and_loses_it_once_demoted()
    {
        await BrowserSession.AddUserAsync(_app, "boss@x.io", Roles.Admin);
        var id = await BrowserSession.AddUserAsync(_app, "a2@x.io", Roles.Admin);
        var browser = new BrowserSession(_app);
        await browser.SignInAsync("a2@x.io", "longpassword1");

        var page = await browser.Client.GetAsync("/jobs/recurring");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Campaign Console jobs", await page.Content.ReadAsStringAsync());

        await _app.Service<UserRoleChange>().ChangeAsync(id, Roles.Manager, "boss@x.io");
        Assert.Equal(HttpStatusCode.Redirect, (await browser.Client.GetAsync("/jobs/recurring")).StatusCode);
    }
}
