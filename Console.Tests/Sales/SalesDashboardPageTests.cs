using System.Globalization;
using Bunit;
using Bunit.TestDoubles;
using Console.Domain.Data;
using Console.Domain.Sales;
using Console.Tests.Admin;
using Console.Tests.Sales;
using Console.Web.Auth;
using Console.Web.Components.Pages.Sales;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace Console.Tests.Sales;

/// <summary>The dashboard page over a real store: its numbers are the domain's numbers, formatted; states and roles.</summary>
public sealed class SalesDashboardPageTests : UiContext
{
    // The seeded orders run through March 2025; "today" is the 31st in Shanghai.
    private static readonly DateOnly Today = new(2025, 3, 31);
    private readonly BusinessTime _time = new(new BusinessOptions());
    private readonly BunitAuthorizationContext _auth;

    public SalesDashboardPageTests()
    {
        Services.AddSingleton<TimeProvider>(new ManualClock(new DateTimeOffset(2025, 3, 31, 4, 0, 0, TimeSpan.Zero)));
        Services.AddSingleton<SalesSummary>();
        Services.AddSingleton<LiveFunnel>();
        Services.AddSingleton<SalesDashboard>();
        _auth = AddAuthorization();
        Render<MudPopoverProvider>();
    }

    [Fact]
    public void With_no_orders_yet_the_page_says_how_to_get_data_in()
    {
        SignIn(UiPolicies.Insights);
        var page = Render<SalesDashboardPage>();

        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=empty-state]")));
        Assert.Contains("seed-demo", page.Markup);
        Assert.Contains("POST /api/v1/orders", page.Markup);
        Assert.Empty(page.FindAll("[data-testid=export]"));
    }

    [Fact]
    public async Task The_cards_show_the_summary_figures_of_the_last_30_days_and_the_deltas_against_the_30_before()
    {
        await SeedAsync();
        SignIn(UiPolicies.Insights);
        var page = Render<SalesDashboardPage>();

        var period = SalesPeriod.For(PeriodPreset.Last30Days, Today);
        var expected = await Services.GetRequiredService<SalesDashboard>().GetAsync(period);
        var format = new SalesFormat(CultureInfo.CurrentCulture);
        page.WaitForAssertion(() => Assert.Equal(format.Money(expected.Current.Totals.NetRevenue), Kpi(page, "NetRevenue")));
        Assert.True(expected.Current.Totals.Orders > 50);
        Assert.Equal(format.Count(expected.Current.Totals.Orders), Kpi(page, "Orders"));
        Assert.Equal(format.Count(expected.Current.Totals.PayingCustomers), Kpi(page, "PayingCustomers"));
        Assert.Equal(format.Money(expected.Current.Totals.AverageOrderValue), Kpi(page, "AverageOrderValue"));
        Assert.Equal(format.Percent(expected.Current.Totals.RefundRate), Kpi(page, "RefundRate"));
        Assert.Equal(format.Percent(expected.Funnel.Conversion), Kpi(page, "LiveConversion"));
        Assert.Equal(format.Delta(expected.NetRevenue), page.Find("[data-testid=kpi-NetRevenue] [data-testid=kpi-delta]").TextContent.Trim());
        Assert.Equal(format.Count(expected.Funnel.Viewers), page.Find("[data-testid=funnel-Viewers]").TextContent.Trim());
        Assert.Equal(10, page.FindAll("[data-testid=top-courses] tbody tr").Count);
        Assert.Single(page.FindAll("[data-testid=export]"));
    }

    [Fact]
    public async Task A_preset_reloads_the_figures_for_its_range()
    {
        await SeedAsync();
        SignIn(UiPolicies.Insights);
        var page = Render<SalesDashboardPage>();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=kpi-Orders]")));

        page.FindAll("[data-testid=presets] .mud-toggle-item")[1].Click();

        var week = await Services.GetRequiredService<SalesDashboard>().GetAsync(SalesPeriod.For(PeriodPreset.Last7Days, Today));
        page.WaitForAssertion(() => Assert.Equal(new SalesFormat(CultureInfo.CurrentCulture).Count(week.Current.Totals.Orders), Kpi(page, "Orders")));
        Assert.Contains("(7 days)", page.Find("[data-testid=range-caption]").TextContent);
    }

    [Fact]
    public async Task A_range_ending_today_says_it_is_compared_up_to_the_same_time_of_day_and_draws_the_last_day_as_partial()
    {
        await SeedAsync();
        SignIn(UiPolicies.Insights);
        var page = Render<SalesDashboardPage>();
        var format = new SalesFormat(CultureInfo.CurrentCulture);

        // The clock reads 04:00 UTC: 12:00 in Shanghai. The default range is the last 30 days, ending today.
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=daily-chart]")));
        var caption = page.Find("[data-testid=range-caption]").TextContent.Trim();
        Assert.Equal($"{format.Day(new(2025, 3, 2))} – today, {format.Day(Today)}, until 12:00 (30 days), against " +
            $"{format.Day(new(2025, 1, 31))} – {format.Day(new(2025, 3, 1))} until 12:00 (business days in Asia/Shanghai)", caption);
        var chart = page.Find("[data-testid=daily-chart]");
        Assert.Contains("Dashed: the last day until 12:00, in both periods", chart.TextContent);
        Assert.Equal(2, chart.QuerySelectorAll(".cc-chart-wide path.cc-partial").Length);
        Assert.Contains("until 12:00", page.Find("[data-testid=kpi-Orders] .cc-tip-block").GetAttribute("data-tip"));

        page.FindAll("[data-testid=presets] .mud-toggle-item")[0].Click();

        page.WaitForAssertion(() => Assert.Equal(
            $"Today, {format.Day(Today)}, until 12:00, against yesterday, {format.Day(Today.AddDays(-1))}, until 12:00 (business time in Asia/Shanghai)",
            page.Find("[data-testid=range-caption]").TextContent.Trim()));
        page.WaitForAssertion(() => Assert.Contains("Orders by hour", page.Find("[data-testid=daily-chart]").TextContent));
        Assert.Equal($"{format.Day(Today)}, until 12:00", page.Find("[data-testid=chart-period]").TextContent.Trim());
        // Hours 00:00 to 12:00 of today: the evening is not drawn as a plunge.
        Assert.Equal(13, page.FindAll("[data-testid=daily-chart] .cc-chart-wide rect").Count);
    }

    [Fact]
    public async Task A_marketer_reads_the_same_page_without_the_export_and_chinese_readers_get_chinese()
    {
        await SeedAsync();
        SignIn();
        var (culture, ui) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("zh-Hans");
        try
        {
            var page = Render<SalesDashboardPage>();
            page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=kpi-NetRevenue]")));
            Assert.Contains("净收入", page.Markup);
            page.FindAll("[data-testid=presets] .mud-toggle-item")[0].Click();
            page.WaitForAssertion(() => Assert.Equal("今天（2025/3/31）截至 12:00，对比昨天（2025/3/30）截至 12:00（按 Asia/Shanghai 时区计时）",
                page.Find("[data-testid=range-caption]").TextContent.Trim()));
            Assert.StartsWith("¥", Kpi(page, "NetRevenue"));
            Assert.Empty(page.FindAll("[data-testid=export]"));
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, ui);
        }
    }

    private void SignIn(params string[] extraPolicies)
    {
        _auth.SetAuthorized("u@x.io");
        _auth.SetPolicies([UiPolicies.SignedIn, .. extraPolicies]);
    }

    private static string Kpi(IRenderedComponent<SalesDashboardPage> page, string key) =>
        page.Find($"[data-testid=kpi-{key}] [data-testid=kpi-value]").TextContent.Trim();

    private async Task SeedAsync()
    {
        var data = new SalesData(Store.Db, seed: 3);
        await data.SeedCatalogAsync(customers: 50, courses: 12);
        await data.AddOrdersAsync(300, days: 31);
        await data.AddRefundsAsync(20);
        var funnel = new LiveFunnelData(Store.Db);
        var session = await funnel.AddSessionAsync("live-march", new DateTime(2025, 3, 20, 12, 0, 0, DateTimeKind.Utc));
        for (var c = 1; c <= 8; c++) await funnel.AddEventAsync(c, session, c % 2 == 0 ? "chat" : "page_view");
        await funnel.AddOrderAsync(2, session);
        await new RollupDailySales(Store.Db, _time).RunAsync();
        await new RollupLiveFunnel(Store.Db, TimeProvider.System).RunAsync();
    }
}
