using System.Globalization;
using System.Text.RegularExpressions;
using Console.Domain.Data;
using Console.Domain.Sales;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Console.Tests.E2E;

/// <summary>A manager's walk through the sales and audience pages; each test waits for its pages to exist.</summary>
[Collection(E2ECollection.Name)]
[Trait("Category", "E2E")]
public sealed partial class PagesFlowTests(E2EApp app) : IClassFixture<E2EApp>
{
    [PageFact(PageRoutes.Dashboard, PageRoutes.Customers)]
    public async Task A_manager_sees_the_stores_30_day_revenue_switches_to_chinese_opens_a_customer_and_signs_out()
    {
        var today = StoreFigures.Today;
        var expected = Money.ToDecimal(await StoreFigures.NetRevenueAsync(app.Server.Db, today.AddDays(-29), today));
        Assert.True(expected > 0, "the demo store should have revenue in the last 30 days");
        var page = await app.NewPageAsync();
        await Ui.SignInAsync(page, "manager@demo.local", E2EApp.DemoPassword);

        await page.GotoAsync(PageRoutes.Dashboard);
        var shown = await ChooseRangeAndReadAsync(page, expected);
        Assert.Equal(expected, shown);

        var nav = page.Locator(".mud-drawer .mud-navmenu").First;
        await page.Locator("[data-testid=language-menu] a", new() { HasText = "简体中文" }).ClickAsync();
        await Expect(nav).ToContainTextAsync("首页");
        await Expect(nav).ToContainTextAsync("客户");

        await page.GotoAsync(PageRoutes.Customers);
        var row = page.Locator(PageRoutes.GridRow).First;
        await Expect(row).ToBeVisibleAsync();
        await OpenRowAsync(page, row);
        await Expect(page).ToHaveURLAsync(CustomerProfileUrl());
        var id = long.Parse(CustomerProfileUrl().Match(page.Url).Groups[1].Value, CultureInfo.InvariantCulture);
        var customer = await StoreFigures.CustomerAsync(app.Server.Db, id);
        await Expect(page.Locator(PageRoutes.Main)).ToContainTextAsync(customer.Email ?? customer.Name ?? "");

        await Ui.SignOutAsync(page);
    }

    [Fact]
    public async Task The_expected_revenue_read_from_orders_agrees_with_the_rollups_the_dashboard_reads()
    {
        var today = StoreFigures.Today;
        var direct = await StoreFigures.NetRevenueAsync(app.Server.Db, today.AddDays(-29), today);
        var summary = await new SalesSummary(app.Server.Db).GetAsync(today.AddDays(-29), today);

        Assert.True(direct > 0);
        Assert.Equal(summary.Current.Totals.NetRevenue, direct);
    }

    /// <summary>Picks the 30-day preset (clicking again until the circuit answers) and reads the net revenue card.</summary>
    private static async Task<decimal?> ChooseRangeAndReadAsync(IPage page, decimal expected)
    {
        var preset = page.Locator(PageRoutes.Preset30Days);
        var kpi = page.Locator(PageRoutes.NetRevenueKpi);
        decimal? shown = null;
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < deadline)
        {
            await preset.ClickAsync();
            await page.WaitForTimeoutAsync(500);
            shown = ShownMoney.First(await kpi.InnerTextAsync());
            if (shown == expected) break;
        }
        return shown;
    }

    private static async Task OpenRowAsync(IPage page, ILocator row)
    {
        var link = row.Locator("a").First;
        if (await link.CountAsync() > 0) await link.ClickAsync();
        else await Ui.ClickUntilAsync(row, page.Locator("body"), 1);
        await page.WaitForURLAsync(CustomerProfileUrl());
    }

    [GeneratedRegex(@"/customers/(\d+)")]
    private static partial Regex CustomerProfileUrl();
}
