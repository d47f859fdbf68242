using Console.Domain.Data.Demo;
using static Microsoft.Playwright.Assertions;

namespace Console.Tests.E2E;

/// <summary>
/// For the pictures in docs/, the store that <c>dotnet run --project Console.Web</c> creates: the default demo size,
/// seeded by the server on its first start (a minute or more, so only then). Otherwise the small test store.
/// </summary>
public sealed class ScreenshotApp() : E2EApp(() => Screenshots.ForDocs
    ? ConsoleServer.StartAsync(DemoPlan.DefaultCustomers, DemoPlan.DefaultDays, readySeconds: 900)
    : ConsoleServer.StartAsync());

/// <summary>The pictures in docs/screenshots/, re-taken on demand (see <see cref="Screenshots"/>).</summary>
[Collection(E2ECollection.Name)]
[Trait("Category", "E2E")]
public sealed class ScreenshotTests(ScreenshotApp app) : IClassFixture<ScreenshotApp>
{
    [Fact]
    public async Task Sign_in_page()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/signin");
        await Expect(page.Locator("[data-testid=signin-form]")).ToBeVisibleAsync();
        await Screenshots.SaveAsync(page, "signin");
    }

    [PageFact(PageRoutes.Dashboard)]
    public async Task Sales_dashboard()
    {
        var page = await app.NewPageAsync();
        await Ui.SignInAsync(page, "manager@demo.local", E2EApp.DemoPassword, PageRoutes.Dashboard);
        await Expect(page.Locator(PageRoutes.DashboardCharts).First).ToBeVisibleAsync();
        await Screenshots.SaveAsync(page, "dashboard");
    }

    [PageFact(PageRoutes.Customers)]
    public async Task Customer_profile()
    {
        var customer = await StoreFigures.BusiestCustomerAsync(app.Server.Db);
        var page = await app.NewPageAsync();
        await Ui.SignInAsync(page, "manager@demo.local", E2EApp.DemoPassword, PageRoutes.CustomerProfile(customer.Id));
        await Expect(page.Locator(PageRoutes.Main)).ToContainTextAsync(customer.Email ?? customer.Name ?? "");
        await Screenshots.SaveAsync(page, "customer-profile");
    }

    [PageFact(PageRoutes.LiveSessions)]
    public async Task Live_session()
    {
        var session = await StoreFigures.BusiestSessionAsync(app.Server.Db);
        var page = await app.NewPageAsync();
        await Ui.SignInAsync(page, "manager@demo.local", E2EApp.DemoPassword, PageRoutes.LiveSession(session.Id));
        await Expect(page.Locator(PageRoutes.Main)).ToContainTextAsync(session.Title);
        await Screenshots.SaveAsync(page, "live-session");
    }

    [Fact]
    public async Task Coupon_results()
    {
        await using var connection = await app.Server.Db.OpenAsync();
        var (campaign, uses) = await Dapper.SqlMapper.QuerySingleAsync<(long, long)>(connection,
            "SELECT id, uses FROM coupon_campaigns ORDER BY uses DESC, id LIMIT 1");
        var page = await app.NewPageAsync();
        await Ui.SignInAsync(page, "manager@demo.local", E2EApp.DemoPassword, $"/promotions/coupons/{campaign}");
        await Expect(page.Locator("[data-testid=shared-code]")).ToBeVisibleAsync();
        var shownUses = uses.ToString("N0", System.Globalization.CultureInfo.GetCultureInfo("en-US"));
        await Expect(page.Locator("[data-testid=figure-Uses]")).ToHaveTextAsync(shownUses);
        if (uses > 0) await Expect(page.Locator(PageRoutes.DashboardCharts).First).ToBeVisibleAsync();
        await Screenshots.SaveAsync(page, "coupon-results");
    }
}
