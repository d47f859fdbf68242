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

        await Ui.GotoAsync(page, PageRoutes.Dashboard);
        Assert.Equal(expected, await ChooseRangeAndReadAsync(page, expected));

        var nav = page.Locator(".mud-drawer .mud-navmenu").First;
        await page.Locator("[data-testid=language-menu] a", new() { HasText = "简体中文" }).ClickAsync();
        await Expect(nav).ToContainTextAsync("首页");
        await Expect(nav).ToContainTextAsync("客户");

        await Ui.GotoAsync(page, PageRoutes.Customers);
        await page.Locator(PageRoutes.GridRow).First.Locator("a").First.ClickAsync();
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

    /// <summary>Picks the 30-day preset once and reads the net revenue card when it shows the range's figure.</summary>
    private static async Task<decimal?> ChooseRangeAndReadAsync(IPage page, decimal expected)
    {
        var preset = page.Locator(PageRoutes.Preset30Days);
        var value = page.Locator(PageRoutes.NetRevenueKpi).Locator("[data-testid=kpi-value]");
        await preset.ClickAsync();
        await Expect(preset).ToHaveAttributeAsync("aria-checked", "true");
        await Expect(value).ToHaveTextAsync("¥" + expected.ToString("N2", CultureInfo.GetCultureInfo("en-US")));
        return ShownMoney.First(await value.InnerTextAsync());
    }

    [GeneratedRegex(@"/customers/(\d+)")]
    private static partial Regex CustomerProfileUrl();
}
