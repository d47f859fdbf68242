using static Microsoft.Playwright.Assertions;

namespace Console.Tests.E2E;

/// <summary>The pictures in docs/screenshots/, re-taken on demand (see <see cref="Screenshots"/>).</summary>
[Collection(E2ECollection.Name)]
[Trait("Category", "E2E")]
public sealed class ScreenshotTests(E2EApp app) : IClassFixture<E2EApp>
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
}
