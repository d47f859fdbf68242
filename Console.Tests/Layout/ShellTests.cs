using System.Net;
using Console.Domain.Admin;
using Console.Tests.Support;
using Console.Web.Api;
using Console.Web.Ui;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Console.Tests.Layout;

public sealed class ShellTests : IDisposable
{
    private readonly ConsoleApp _app = new();

    public void Dispose() => _app.Dispose();

    [Theory]
    [InlineData("/signin")]
    [InlineData("/")]
    [InlineData("/api/v1/nothing-here")]
    [InlineData("/health/live")]
    public async Task Every_response_carries_the_security_headers(string path)
    {
        var response = await new BrowserSession(_app).Client.GetAsync(path);
        var csp = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Contains("script-src 'self'", csp);
        Assert.Contains("connect-src 'self' ws: wss:", csp);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("strict-origin-when-cross-origin", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
    }

    [Fact]
    public async Task A_wrong_address_gets_a_page_for_people_and_a_problem_document_for_the_api()
    {
        var client = new BrowserSession(_app).Client;
        var page = await client.GetAsync("/no-such-page");
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Page not found", await page.Content.ReadAsStringAsync());

        var api = await client.GetAsync("/api/v1/no-such-thing");
        Assert.Equal(HttpStatusCode.NotFound, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Only_the_api_reference_page_may_run_its_inline_boot_script()
    {
        var client = new BrowserSession(_app).Client;
        var docs = Assert.Single((await client.GetAsync("/api/docs/")).Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self' 'unsafe-inline'", docs);
        Assert.Contains("frame-ancestors 'none'", docs);
        var page = Assert.Single((await client.GetAsync("/signin")).Headers.GetValues("Content-Security-Policy"));
        Assert.DoesNotContain("script-src 'self' 'unsafe-inline'", page);
    }

    [Fact]
    public async Task The_culture_cookie_switches_the_navigation_to_chinese()
    {
        await BrowserSession.AddUserAsync(_app, "a@x.io", Roles.Admin);
        var browser = new BrowserSession(_app);
        await browser.SignInAsync("a@x.io", "longpassword1");

        var english = await browser.Client.GetStringAsync("/");
        Assert.Contains(">Audit log<", english);
        Assert.Contains("<html lang=\"en\"", english);

        var switched = await browser.Client.GetAsync("/culture/zh-Hans?returnUrl=%2Fadmin%2Fusers");
        Assert.Equal("/admin/users", switched.Headers.Location!.OriginalString);
        var chinese = System.Net.WebUtility.HtmlDecode(await browser.Client.GetStringAsync("/"));
        Assert.Contains(">审计日志<", chinese);
        Assert.Contains(">管理员<", chinese);
        Assert.Contains("<html lang=\"zh-Hans\"", chinese);
        Assert.DoesNotContain(">Audit log<", chinese);

        Assert.Equal(HttpStatusCode.NotFound, (await browser.Client.GetAsync("/culture/fr")).StatusCode);
        Assert.Equal("/", (await browser.Client.GetAsync("/culture/en?returnUrl=https%3A%2F%2Fevil.example")).Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task The_dark_theme_is_kept_in_a_cookie_and_written_into_every_page()
    {
        await BrowserSession.AddUserAsync(_app, "d@x.io", Roles.Manager);
        var browser = new BrowserSession(_app);
        await browser.SignInAsync("d@x.io", "longpassword1");
        var light = await browser.Client.GetStringAsync("/");
        Assert.Contains("--mud-palette-primary: rgba(57,73,171,1)", light);
        Assert.DoesNotContain("cc-dark", light);

        var switched = await browser.Client.GetAsync("/theme/dark?returnUrl=%2Fcustomers");
        Assert.Equal("/customers", switched.Headers.Location!.OriginalString);
        foreach (var path in new[] { "/", "/customers", "/signin" })
        {
            var dark = await browser.Client.GetStringAsync(path);
            Assert.Contains("--mud-palette-primary: rgba(121,134,203,1)", dark);
            Assert.Contains("class=\"cc-dark\"", dark);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await browser.Client.GetAsync("/theme/purple")).StatusCode);
        Assert.Equal("/", (await browser.Client.GetAsync("/theme/light?returnUrl=https%3A%2F%2Fevil.example")).Headers.Location!.OriginalString);
        Assert.DoesNotContain("cc-dark", await browser.Client.GetStringAsync("/"));
    }

    [Fact]
    public async Task MudBlazor_s_own_texts_follow_the_console_language()
    {
        await BrowserSession.AddUserAsync(_app, "m@x.io", Roles.Manager);
        var browser = new BrowserSession(_app);
        await browser.SignInAsync("m@x.io", "longpassword1");
        Assert.Contains("Rows per page:", await browser.Client.GetStringAsync("/customers"));

        await browser.Client.GetAsync("/culture/zh-Hans");
        var chinese = System.Net.WebUtility.HtmlDecode(await browser.Client.GetStringAsync("/customers"));
        Assert.Contains("每页行数：", chinese);
        Assert.DoesNotContain("Rows per page", chinese);
    }

    [Fact]
    public async Task The_sign_in_page_speaks_chinese_when_the_cookie_says_so()
    {
        var client = new BrowserSession(_app).Client;
        client.DefaultRequestHeaders.Add("Cookie", ".AspNetCore.Culture=" + Uri.EscapeDataString(UiCultures.CookieValue(UiCultures.Chinese)));
        var html = System.Net.WebUtility.HtmlDecode(await client.GetStringAsync("/signin?error=wrong"));
        Assert.Contains("邮箱或密码错误", html);
        Assert.Contains("_content/MudBlazor/MudBlazor.min", html);
    }

    [Fact]
    public async Task The_api_answers_401_without_a_key_and_never_redirects_to_sign_in()
    {
        // A probe endpoint behind the real ingest policy, in front of the app's own pipeline.
        using var app = _app.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<IStartupFilter>(new ApiProbe())));
        var client = app.CreateClient(new() { AllowAutoRedirect = false });

        var anonymous = await client.GetAsync("/probe/api");
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Null(anonymous.Headers.Location);
        Assert.Equal("application/problem+json", anonymous.Content.Headers.ContentType?.MediaType);

        var key = await app.Services.GetRequiredService<ApiKeys>().CreateAsync("probe", ApiKeyScope.Ingest, "test");
        client.DefaultRequestHeaders.Add(ApiKeyAuthentication.Header, key.Key);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/probe/api")).StatusCode);
    }

    private sealed class ApiProbe : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Map("/probe", probe =>
            {
                probe.UseRouting();
                probe.UseAuthentication();
                probe.UseAuthorization();
                probe.UseEndpoints(e => e.MapGet("/api", () => Results.Ok()).RequireAuthorization(ApiKeyAuthentication.IngestPolicy));
            });
            next(app);
        };
    }
}
