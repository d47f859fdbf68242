using System.Net;
using System.Net.Http.Json;
using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using Console.Domain.Admin;
using Console.Domain.Coupons;
using Console.Domain.Data.Demo;
using Console.Domain.GroupBuys;
using Console.Domain.Orders;
using Dapper;
using Microsoft.Playwright;

namespace Console.Tests.E2E;

/// <summary>
/// Every role walks every page of its navigation and the detail pages in English and Chinese, on a desktop and a phone:
/// no page shows a stored code or a resource key where a name belongs, and none scrolls sideways.
/// </summary>
[Collection(E2ECollection.Name)]
[Trait("Category", "E2E")]
public sealed partial class NamesNotCodesTests(E2EApp app) : IClassFixture<E2EApp>
{
    private static readonly int[] Widths = [1440, 390];

    [Fact]
    public async Task No_page_shows_a_code_or_a_resource_key_or_scrolls_sideways_for_any_role_language_or_width()
    {
        var (details, groupBuy) = await DetailPagesAsync();
        var findings = new List<string>();
        foreach (var (email, role) in DemoUsers.Accounts)
        {
            var page = await app.NewPageAsync();
            await Ui.SignInAsync(page, email, E2EApp.DemoPassword);
            var nav = await page.Locator(".mud-drawer nav a[href^='/']").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))");
            Assert.True(nav.Length >= 4, $"{role} sees only {nav.Length} pages in the menu");
            var campaigns = role is Roles.Admin or Roles.Marketer;
            var urls = nav.Distinct().Concat(details.Where(d => campaigns || !d.StartsWith("/promotions", StringComparison.Ordinal))).ToList();
            foreach (var culture in new[] { "en", "zh-Hans" })
            {
                await Ui.GotoAsync(page, $"/culture/{culture}?returnUrl=/");
                foreach (var width in Widths)
                {
                    await page.SetViewportSizeAsync(width, 900);
                    foreach (var url in urls) findings.AddRange(await ScanAsync(page, url, $"{role} {culture} {width}px {url}"));
                }
            }
            await page.Context.CloseAsync();
        }
        Assert.True(findings.Count == 0, string.Join('\n', findings.Distinct().Take(60)));

        // The group buy names its course and its members; the platform's ids stand beside the names.
        var marketer = await app.NewPageAsync();
        await Ui.SignInAsync(marketer, "marketer@demo.local", E2EApp.DemoPassword);
        await Ui.GotoAsync(marketer, groupBuy.Url);
        await Assertions.Expect(marketer.Locator(PageRoutes.Main)).ToContainTextAsync($"{groupBuy.CourseTitle} ({groupBuy.CourseExternalId})");
        var member = marketer.Locator("[data-testid=team-member]").First;
        await Assertions.Expect(member).ToHaveTextAsync($"{groupBuy.CustomerName} ({groupBuy.CustomerExternalId})");
    }

    [Fact]
    public async Task Results_editors_and_records_of_every_capability_fit_a_phone_and_show_names_in_both_languages()
    {
        await using var connection = await app.Server.Db.OpenAsync();
        // The demo store's busiest campaign of each kind, so that the results pages show real figures, tables and charts.
        var urls = new List<string>();
        async Task AddAsync(string format, string sql)
        {
            var id = await connection.QueryFirstOrDefaultAsync<string>(sql);
            Assert.True(id is not null, $"the demo store has nothing for {format}");
            urls.Add(string.Format(System.Globalization.CultureInfo.InvariantCulture, format, id));
        }
        await AddAsync("/promotions/coupons/{0}", "SELECT CAST(campaign_id AS TEXT) FROM coupon_redemptions GROUP BY campaign_id ORDER BY COUNT(*) DESC LIMIT 1");
        await AddAsync("/promotions/coupons/{0}/edit", "SELECT CAST(campaign_id AS TEXT) FROM coupon_redemptions GROUP BY campaign_id ORDER BY COUNT(*) DESC LIMIT 1");
        await AddAsync("/promotions/group-buys/{0}", "SELECT CAST(campaign_id AS TEXT) FROM group_buy_teams GROUP BY campaign_id ORDER BY COUNT(*) DESC LIMIT 1");
        await AddAsync("/insights/experiments/{0}", "SELECT experiment_key FROM experiments ORDER BY id LIMIT 1");
        await AddAsync("/insights/surveys/{0}/results", "SELECT CAST(survey_id AS TEXT) FROM survey_responses GROUP BY survey_id ORDER BY COUNT(*) DESC LIMIT 1");
        await AddAsync("/audience/segments/{0}", "SELECT CAST(id AS TEXT) FROM segments ORDER BY id LIMIT 1");
        await AddAsync("/promotions/email/{0}", "SELECT CAST(id AS TEXT) FROM email_campaigns ORDER BY id LIMIT 1");
        await AddAsync("/orders/{0}", "SELECT order_id FROM orders ORDER BY id DESC LIMIT 1");
        await AddAsync("/partners/kols/{0}", "SELECT CAST(kol_id AS TEXT) FROM order_attributions GROUP BY kol_id ORDER BY COUNT(*) DESC LIMIT 1");
        urls.AddRange(["/insights/models", "/partners/kols", "/partners/roi"]);
        urls.AddRange(["/promotions/coupons/new", "/promotions/group-buys/new", "/insights/experiments/new", "/insights/surveys/new",
            "/audience/segments/new", "/promotions/email/new"]);

        var findings = new List<string>();
        var page = await app.NewPageAsync();
        await Ui.SignInAsync(page, "marketer@demo.local", E2EApp.DemoPassword);
        foreach (var culture in new[] { "en", "zh-Hans" })
        {
            await Ui.GotoAsync(page, $"/culture/{culture}?returnUrl=/");
            foreach (var width in Widths)
            {
                await page.SetViewportSizeAsync(width, 900);
                foreach (var url in urls)
                {
                    findings.AddRange(await ScanAsync(page, url, $"marketer {culture} {width}px {url}"));
                    // A page that sent the marketer elsewhere (denied, not found) would pass the scan without being seen.
                    if (new Uri(page.Url).AbsolutePath != url) findings.Add($"{url} ended at {page.Url}");
                }
            }
        }
        await page.Context.CloseAsync();
        Assert.True(findings.Count == 0, string.Join('\n', findings.Distinct().Take(60)));
    }

    private sealed record GroupBuyShown(string Url, string CourseTitle, string CourseExternalId, string CustomerName, string CustomerExternalId);

    /// <summary>Opens a page, waits for its content and reports the codes, keys and sideways scrolling it shows.</summary>
    private static async Task<IReadOnlyList<string>> ScanAsync(IPage page, string url, string where)
    {
        await Ui.GotoAsync(page, url);
        // The grids fill after the circuit starts: wait until no loading bar is left.
        await Assertions.Expect(page.Locator(".mud-progress-linear, .mud-table-loading")).ToHaveCountAsync(0);
        // Text set as code (the audit log's stored before and after) shows stored values on purpose and is left out.
        var shown = await page.EvaluateAsync<JsonElement>(
            """
            () => {
              let text = document.body.innerText;
              for (const code of document.querySelectorAll('code')) if (code.innerText) text = text.split(code.innerText).join(' ');
              return { text, scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth };
            }
            """);
        var (text, scrollWidth, clientWidth) =
            (shown.GetProperty("text").GetString() ?? "", shown.GetProperty("scroll").GetInt32(), shown.GetProperty("client").GetInt32());
        var found = new List<string>();
        found.AddRange(Codes().Matches(text).Select(m => $"{where}: code '{m.Value}'"));
        found.AddRange(ResourceKey().Matches(text).Select(m => $"{where}: key '{m.Value}'"));
        if (scrollWidth > clientWidth) found.Add($"{where}: {scrollWidth} px wide in a {clientWidth} px window");
        return found;
    }

    /// <summary>
    /// A customer whose group-buy order is still awaiting its team, that course and one of its live sessions, and a coupon
    /// and a group-buy campaign with results, made through the API as the storefront and a marketer's tools would.
    /// </summary>
    private async Task<(IReadOnlyList<string> Urls, GroupBuyShown GroupBuy)> DetailPagesAsync()
    {
        await using var connection = await app.Server.Db.OpenAsync();
        var customer = await connection.QueryFirstAsync<(long Id, string ExternalId, string Name)>(
            "SELECT id, external_id, name FROM customers WHERE name IS NOT NULL AND source = 'organic_search' ORDER BY id");
        var session = await connection.QueryFirstAsync<(long Id, long CourseId, string CourseExternalId, string CourseTitle)>(
            """
            SELECT ls.id, co.id, co.external_id, co.title FROM live_sessions ls JOIN courses co ON co.id = ls.course_id
            WHERE co.list_price >= 10000 AND NOT EXISTS (SELECT 1 FROM orders o WHERE o.course_id = co.id AND o.customer_id = @Id)
            ORDER BY ls.started_at DESC
            """, new { customer.Id });

        using var manage = await app.Server.ClientWithKeyAsync("names-manage", ApiKeyScope.Manage);
        var run = Guid.NewGuid().ToString("N")[..6];
        var coupon = await CreatedIdAsync(await manage.PostAsJsonAsync("/api/v1/coupon-campaigns", new
        {
            name = "Scan " + run, kind = CouponKinds.PercentOff, value = 10, audience = Audiences.NewCustomers, status = "active",
            code = "SCAN" + run.ToUpperInvariant(),
        }));
        var groupBuy = await CreatedIdAsync(await manage.PostAsJsonAsync("/api/v1/group-buy-campaigns", new
        {
            name = "Scan team " + run, courseExternalId = session.CourseExternalId, teamSize = 3, groupPrice = 50.00m,
            teamWindowMinutes = 120, status = "active",
        }));
        using var storefront = await app.Server.ClientWithKeyAsync("names-storefront");
        var order = await storefront.PostAsJsonAsync("/api/v1/orders", new
        {
            orderId = "scan-" + run, customerExternalId = customer.ExternalId, courseExternalId = session.CourseExternalId,
            channel = "douyin", groupBuy = new { campaignId = groupBuy },
        });
        var body = await order.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(order.StatusCode == HttpStatusCode.Created, body.ToString());
        Assert.Equal(OrderStatus.AwaitingGroup, body.GetProperty("status").GetString());

        var groupBuyUrl = $"/promotions/group-buys/{groupBuy}";
        var kol = await connection.QueryFirstAsync<long>("SELECT kol_id FROM kol_commissions GROUP BY kol_id ORDER BY COUNT(*) DESC, kol_id");
        return (
        [
            $"/customers/{customer.Id}", $"/courses/{session.CourseId}", $"/live-sessions/{session.Id}",
            $"/promotions/coupons/{coupon}", groupBuyUrl, $"/partners/kols/{kol}",
        ], new GroupBuyShown(groupBuyUrl, session.CourseTitle, session.CourseExternalId, customer.Name, customer.ExternalId));
    }

    private static async Task<long> CreatedIdAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(response.StatusCode == HttpStatusCode.Created, body.ToString());
        return body.GetProperty("id").GetInt64();
    }

    /// <summary>The stored codes of several words a page could show raw: order status, platform, source, event, team and campaign terms.</summary>
    private static Regex Codes()
    {
        var statuses = typeof(OrderStatus).GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => (string)f.GetValue(null)!);
        var words = statuses.Concat(DemoVocabulary.Platforms).Concat(DemoVocabulary.Sources).Concat(DemoVocabulary.VisitChannels)
            .Concat(["page_view", "poll_vote", "lottery_join", "coupon_claim", "add_to_cart", "percent_off", "amount_off", "fixed_price",
                "new_customers", "live_claimers"])
            .Where(w => w.Contains('_', StringComparison.Ordinal) || w is "kuaishou" or "bilibili")
            .Distinct();
        return new Regex(@"(?<![\w@.-])(" + string.Join('|', words.Select(Regex.Escape)) + @")(?![\w@.-])");
    }

    [GeneratedRegex(@"\b(Status|CampaignStatus|Window|Terms|Err|Nav|OrderStatus|Platform|Source|CourseStatus|Event|Coupons|GroupBuys|Teams|Sales|Customers?|Courses?|Sessions?|Keys|Users|Jobs|Audit|Home|Shell|SignIn|Valid|Common|Results|RefundDue|Chart|Role)\.[A-Za-z_]+")]
    private static partial Regex ResourceKey();
}
