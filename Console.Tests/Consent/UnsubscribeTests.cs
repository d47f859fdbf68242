using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Console.Domain.Consent;
using Console.Domain.Email;
using Console.Tests.Api;
using Dapper;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Console.Tests.Consent;

/// <summary>/u/{token} as a mailbox provider and a person use it (RFC 8058), over the real pipeline and a real store.</summary>
public sealed class UnsubscribeTests : IAsyncLifetime
{
    private const string PublicUrl = "https://mail.shop.example";
    private readonly ConsoleApp _app = new(new() { ["Console:PublicUrl"] = PublicUrl + "/" });
    private HttpClient _provider = null!;

    public async Task InitializeAsync()
    {
        // A mailbox provider keeps no cookies and signs in to nothing.
        _provider = _app.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false, AllowAutoRedirect = false });
        using var api = await _app.ClientWithKeyAsync();
        (await api.PostAsJsonAsync("/api/v1/customers", new[]
        {
            new { externalId = "u-1", email = "li@example.com", emailOptIn = true },
            new { externalId = "u-2", email = "han@example.com", emailOptIn = true },
            new { externalId = "u-3", email = "wei@example.com", emailOptIn = true },
        })).EnsureSuccessStatusCode();
    }

    private long Id(string externalId)
    {
        using var connection = _app.Store.Db.Open();
        return connection.ExecuteScalar<long>("SELECT id FROM customers WHERE external_id = @externalId", new { externalId });
    }

    private (long OptIn, long Unsubscribes) State(string externalId)
    {
        using var connection = _app.Store.Db.Open();
        return connection.QuerySingle<(long, long)>(
            """
            SELECT c.email_opt_in, (SELECT COUNT(*) FROM consent_changes h WHERE h.customer_id = c.id AND h.source = 'unsubscribe')
            FROM customers c WHERE c.external_id = @externalId
            """, new { externalId });
    }

    private string PathFor(string externalId, long? campaign)
    {
        var url = _app.Service<IUnsubscribeLinks>().UrlFor(Id(externalId), campaign);
        Assert.StartsWith(PublicUrl + "/u/", url, StringComparison.Ordinal);
        return new Uri(url).AbsolutePath;
    }

    private static FormUrlEncodedContent OneClick() => new([new("List-Unsubscribe", "One-Click")]);

    [Fact]
    public async Task A_one_click_post_without_cookies_unsubscribes_at_once_and_credits_the_campaign()
    {
        var path = PathFor("u-1", 77);
        using var first = await _provider.PostAsync(path, OneClick());
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Contains("id=\"done\"", await first.Content.ReadAsStringAsync());
        Assert.Equal((0, 1), State("u-1"));

        // Providers retry; a second click changes nothing and still answers 200.
        using var again = await _provider.PostAsync(path, OneClick());
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal((0, 1), State("u-1"));

        var changes = _app.Service<ConsentChanges>();
        Assert.Equal(1, await changes.UnsubscribesByCampaignAsync(77));
        Assert.Equal(0, await changes.UnsubscribesByCampaignAsync(78));
        Assert.Equal(1, (await changes.UnsubscribesByCampaignAsync())[77]);
        var history = await changes.ForCustomerAsync(Id("u-1"));
        Assert.Equal((false, ConsentSources.Unsubscribe, (long?)77), (history[0].OptIn, history[0].Source, history[0].EmailCampaignId));
    }

    [Fact]
    public async Task A_get_shows_a_page_whose_button_posts_and_never_unsubscribes_by_itself()
    {
        var path = PathFor("u-2", null);
        for (var i = 0; i < 3; i++)
        {
            using var page = await _provider.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            var html = await page.Content.ReadAsStringAsync();
            Assert.Contains($"<form method=\"post\" action=\"{path}\"", html);
            Assert.Contains("name=\"List-Unsubscribe\" value=\"One-Click\"", html);
            Assert.DoesNotContain("<script", html);
        }
        Assert.Equal((1, 0), State("u-2"));

        // What the button sends: the page's own form, as a browser posts it.
        using var posted = await _provider.PostAsync(path, OneClick());
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.Equal((0, 1), State("u-2"));
        Assert.Null((await _app.Service<ConsentChanges>().ForCustomerAsync(Id("u-2")))[0].EmailCampaignId);
    }

    [Fact]
    public async Task A_tampered_foreign_or_garbled_token_is_refused_and_changes_nothing()
    {
        var path = PathFor("u-3", 5);
        var token = path["/u/".Length..];
        var flipped = token[..^3] + (token[^3] == 'A' ? 'B' : 'A') + token[^2..];
        // Made by the same key ring for another purpose: it must not pass for an unsubscribe token.
        var foreign = Microsoft.AspNetCore.WebUtilities.WebEncoders.Base64UrlEncode(
            _app.Service<IDataProtectionProvider>().CreateProtector("Console.Other").Protect(new byte[25]));
        string[] bad = [flipped, token[..^4], foreign, "x", new string('A', 5_000), .. PathCases.HostileSegments];
        foreach (var t in bad)
        {
            using var get = await _provider.GetAsync("/u/" + t);
            using var post = await _provider.PostAsync("/u/" + t, OneClick());
            Assert.True((int)get.StatusCode is >= 400 and < 500, $"GET /u/{t[..Math.Min(40, t.Length)]} answered {(int)get.StatusCode}");
            Assert.True((int)post.StatusCode is >= 400 and < 500, $"POST /u/{t[..Math.Min(40, t.Length)]} answered {(int)post.StatusCode}");
        }
        using var page = await _provider.PostAsync("/u/" + flipped, OneClick());
        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        Assert.Contains("id=\"invalid\"", await page.Content.ReadAsStringAsync());

        using var json = new HttpRequestMessage(HttpMethod.Post, "/u/" + flipped) { Content = OneClick() };
        json.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        using var problem = await _provider.SendAsync(json);
        Assert.Equal(HttpStatusCode.BadRequest, problem.StatusCode);
        Assert.Equal("application/problem+json", problem.Content.Headers.ContentType?.MediaType);

        // A valid token without the one-click field is not a request to unsubscribe.
        using var empty = await _provider.PostAsync(path, new FormUrlEncodedContent([new("List-Unsubscribe", "Later")]));
        using var noForm = await _provider.PostAsync(path, JsonContent.Create(new { unsubscribe = true }));
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, noForm.StatusCode);
        Assert.Equal((1, 0), State("u-3"));
    }

    [Fact]
    public async Task The_unsubscribe_and_survey_pages_show_the_privacy_texts_in_the_browsers_language()
    {
        var texts = _app.Service<PrivacyTexts>();
        var refused = await texts.SaveAsync(new PrivacyText("javascript:alert(1)", null, new string('字', PrivacyTexts.MaxConsent + 1)), "admin@example.com");
        Assert.Equal(new[] { "policyUrl", "consentZh" }, refused.Select(e => e.Field));
        Assert.True((await texts.SaveAsync(new PrivacyText(" https://shop.example/privacy?a=1&b=2 ", "We email <offers> you agreed to.", "我们只发送您同意接收的邮件。"),
            "admin@example.com")).Valid);

        var path = PathFor("u-3", null);
        using var english = await _provider.GetAsync(path);
        var html = await english.Content.ReadAsStringAsync();
        Assert.Contains("href=\"https://shop.example/privacy?a=1&amp;b=2\"", html);
        Assert.Contains("We email &lt;offers&gt; you agreed to.", html);
        Assert.Contains("<html lang=\"en\"", html);

        using var chinese = new HttpRequestMessage(HttpMethod.Get, path);
        chinese.Headers.AcceptLanguage.ParseAdd("zh-CN,zh;q=0.9");
        var zh = await (await _provider.SendAsync(chinese)).Content.ReadAsStringAsync();
        Assert.Contains("我们只发送您同意接收的邮件。", zh);
        Assert.Contains("退订", zh);

        using var survey = await _provider.GetAsync("/s/no-such-link");
        Assert.Contains("We email &lt;offers&gt; you agreed to.", await survey.Content.ReadAsStringAsync());
        Assert.Equal((1, 0), State("u-3"));

        using var connection = _app.Store.Db.Open();
        Assert.Equal(1, connection.ExecuteScalar<long>("SELECT COUNT(*) FROM audit_log WHERE action = 'privacy.update'"));
    }

    public Task DisposeAsync()
    {
        _provider.Dispose();
        _app.Dispose();
        return Task.CompletedTask;
    }
}
