using System.Net;
using Console.Domain.Admin;
using Console.Tests.Support;

namespace Console.Tests.Auth;

public sealed class SignInTests : IDisposable
{
    private readonly ConsoleApp _app = new();

    public void Dispose() => _app.Dispose();

    [Theory]
    [InlineData("/", "/signin?ReturnUrl=%2F")]
    [InlineData("/admin/users", "/signin?ReturnUrl=%2Fadmin%2Fusers")]
    public async Task An_anonymous_page_request_is_redirected_to_sign_in(string path, string expected)
    {
        var response = await new BrowserSession(_app).Client.GetAsync(path);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(expected, response.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task The_right_password_sets_the_cookie_and_an_admin_reaches_the_admin_pages()
    {
        await BrowserSession.AddUserAsync(_app, "boss@x.io", Roles.Admin);
        var browser = new BrowserSession(_app);

        var response = await browser.SignInAsync("boss@x.io", "longpassword1", "/admin/users");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/admin/users", response.Headers.Location!.OriginalString);
        Assert.Contains(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".CampaignConsole.Auth=", StringComparison.Ordinal) && c.Contains("httponly"));

        foreach (var (path, text) in new[] { ("/admin/users", "boss@x.io"), ("/admin/api-keys", "API keys"), ("/admin/audit", "Audit log") })
        {
            var page = await browser.Client.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.Contains(text, await page.Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task A_marketer_is_turned_away_from_admin_pages_and_does_not_see_the_admin_menu()
    {
        await BrowserSession.AddUserAsync(_app, "m@x.io", Roles.Marketer);
        var browser = new BrowserSession(_app);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.SignInAsync("m@x.io", "longpassword1")).StatusCode);

        var admin = await browser.Client.GetAsync("/admin/users");
        Assert.Equal(HttpStatusCode.Redirect, admin.StatusCode);
        Assert.StartsWith("/denied", admin.Headers.Location!.PathAndQuery);

        var home = await browser.Client.GetStringAsync("/");
        Assert.Contains("m@x.io", home);
        Assert.DoesNotContain("/admin/users", home);
    }

    [Fact]
    public async Task A_wrong_password_brings_the_form_back_with_the_email_filled_in_and_the_password_empty()
    {
        await BrowserSession.AddUserAsync(_app, "m@x.io", Roles.Marketer);
        var browser = new BrowserSession(_app);

        var refused = await browser.SignInAsync("m@x.io", "not-the-password");
        var location = refused.Headers.Location!.OriginalString;
        Assert.Contains("email=m@x.io", Uri.UnescapeDataString(location));
        var form = await browser.Client.GetStringAsync(location);

        Assert.Contains("Wrong email or password", form);
        Assert.Matches("<input name=\"Email\"[^>]*value=\"m@x.io\"", form);
        Assert.Matches("<input name=\"Password\"[^>]*autofocus", form);
        Assert.DoesNotContain("not-the-password", form);
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_and_even_the_right_one_is_refused()
    {
        await BrowserSession.AddUserAsync(_app, "m@x.io", Roles.Marketer);
        var browser = new BrowserSession(_app);
        for (var i = 1; i <= 4; i++)
            Assert.Contains("error=wrong", (await browser.SignInAsync("m@x.io", "not-the-password")).Headers.Location!.OriginalString);
        Assert.Contains("error=locked", (await browser.SignInAsync("m@x.io", "not-the-password")).Headers.Location!.OriginalString);

        var refused = await browser.SignInAsync("m@x.io", "longpassword1");
        var location = refused.Headers.Location!.OriginalString;
        Assert.Matches("error=locked&until=[0-9]{2}%3A[0-9]{2}", location);
        Assert.False(refused.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith(".CampaignConsole.Auth=", StringComparison.Ordinal)));

        var form = await browser.Client.GetStringAsync(location);
        Assert.Matches("Too many wrong passwords: locked until [0-9]{2}:[0-9]{2}", form);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.Client.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task Twenty_wrong_passwords_posted_at_once_lock_the_account_and_the_right_one_is_refused()
    {
        await BrowserSession.AddUserAsync(_app, "m@x.io", Roles.Marketer);
        // Each attacker has its own session and antiforgery token, fetched first so the twenty posts land together.
        var attackers = new List<(BrowserSession Session, string Token)>();
        for (var i = 0; i < 20; i++)
        {
            var session = new BrowserSession(_app);
            attackers.Add((session, await session.TokenFromAsync("/signin")));
        }
        var answers = await Task.WhenAll(attackers.Select(a => a.Session.Client.PostAsync("/auth/signin", new FormUrlEncodedContent(
            new Dictionary<string, string> { ["__RequestVerificationToken"] = a.Token, ["Email"] = "m@x.io", ["Password"] = "not-the-password", ["ReturnUrl"] = "/" }))));

        Assert.All(answers, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        var locations = answers.Select(r => r.Headers.Location!.OriginalString).ToList();
        Assert.Equal(SignInCheck.MaxFailedAttempts - 1, locations.Count(l => l.Contains("error=wrong", StringComparison.Ordinal)));
        Assert.Equal(20 - (SignInCheck.MaxFailedAttempts - 1), locations.Count(l => l.Contains("error=locked", StringComparison.Ordinal)));

        var refused = await new BrowserSession(_app).SignInAsync("m@x.io", "longpassword1");
        Assert.Matches("error=locked&until=[0-9]{2}%3A[0-9]{2}", refused.Headers.Location!.OriginalString);
        Assert.False(refused.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith(".CampaignConsole.Auth=", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_disabled_user_is_refused_with_a_clear_message()
    {
        var admin = await BrowserSession.AddUserAsync(_app, "a@x.io", Roles.Admin);
        var id = await BrowserSession.AddUserAsync(_app, "m@x.io", Roles.Marketer);
        await _app.Service<UserDisable>().SetDisabledAsync(id, true, "a@x.io");
        var browser = new BrowserSession(_app);

        var response = await browser.SignInAsync("m@x.io", "longpassword1");
        Assert.Contains("error=disabled", response.Headers.Location!.OriginalString);
        Assert.Contains("This account is disabled", await browser.Client.GetStringAsync(response.Headers.Location!.OriginalString));
        Assert.Contains("Wrong email or password", await browser.Client.GetStringAsync("/signin?error=wrong"));
        Assert.NotEqual(0, admin);
    }

    [Fact]
    public async Task Disabling_a_signed_in_user_ends_the_session_on_the_next_request()
    {
        await BrowserSession.AddUserAsync(_app, "a@x.io", Roles.Admin);
        var id = await BrowserSession.AddUserAsync(_app, "m@x.io", Roles.Marketer);
        var browser = new BrowserSession(_app);
        await browser.SignInAsync("m@x.io", "longpassword1");
        Assert.Equal(HttpStatusCode.OK, (await browser.Client.GetAsync("/")).StatusCode);

        await _app.Service<UserDisable>().SetDisabledAsync(id, true, "a@x.io");
        Assert.Equal(HttpStatusCode.Redirect, (await browser.Client.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task A_post_without_the_antiforgery_token_is_rejected_and_foreign_return_urls_go_home()
    {
        await BrowserSession.AddUserAsync(_app, "m@x.io", Roles.Marketer);
        var browser = new BrowserSession(_app);
        var forged = await browser.Client.PostAsync("/auth/signin", new FormUrlEncodedContent(
            new Dictionary<string, string> { ["Email"] = "m@x.io", ["Password"] = "longpassword1" }));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);

        foreach (var evil in new[] { "https://evil.example/", "//evil.example/", "/\\evil.example" })
            Assert.Equal("/", (await new BrowserSession(_app).SignInAsync("m@x.io", "longpassword1", evil)).Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Sign_out_needs_the_token_and_then_ends_the_session()
    {
        await BrowserSession.AddUserAsync(_app, "m@x.io", Roles.Marketer);
        var browser = new BrowserSession(_app);
        await browser.SignInAsync("m@x.io", "longpassword1");

        var forged = await browser.Client.PostAsync("/auth/signout", new FormUrlEncodedContent([]));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.Client.GetAsync("/")).StatusCode);

        var token = await browser.TokenFromAsync("/");
        var signedOut = await browser.Client.PostAsync("/auth/signout",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        Assert.Equal("/signin", signedOut.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.Client.GetAsync("/")).StatusCode);
    }
}
