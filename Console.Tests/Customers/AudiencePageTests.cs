using Bunit;
using Console.Domain.Data;
using Console.Web.Components.Pages.Courses;
using Console.Web.Components.Pages.Customers;
using Console.Web.Components.Pages.LiveSessions;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace Console.Tests.Customers;

public sealed class AudiencePageTests : AudienceUiContext
{
    private async Task SeedAsync() => await AudienceData.SeedAsync(Store.Db);

    [Fact]
    public async Task The_customer_grid_shows_orders_net_revenue_in_yuan_consent_and_links_to_profiles()
    {
        await SeedAsync();
        Render<MudPopoverProvider>();
        var page = Render<CustomersPage>();
        page.WaitForAssertion(() => Assert.Contains("ann@x.io", page.Markup));
        Assert.Contains("¥230.00", page.Markup);
        Assert.Contains("¥105.00", page.Markup);
        Assert.Equal(2, page.FindAll("[data-testid=consent-yes]").Count);
        Assert.Equal(3, page.FindAll("[data-testid=consent-no]").Count);
        Assert.Contains(page.FindAll("a[href]"), a => a.GetAttribute("href") == "/customers/1");
    }

    [Fact]
    public void Empty_stores_explain_how_to_get_data_in()
    {
        Render<MudPopoverProvider>();
        var customers = Render<CustomersPage>();
        customers.WaitForAssertion(() => Assert.Contains("seed-demo", customers.Find("[data-testid=empty-state]").TextContent));
        var courses = Render<CoursesPage>();
        courses.WaitForAssertion(() => Assert.Contains("POST /api/v1/courses", courses.Find("[data-testid=empty-state]").TextContent));
        var sessions = Render<LiveSessionsPage>();
        sessions.WaitForAssertion(() => Assert.Contains("POST /api/v1/live-sessions", sessions.Find("[data-testid=empty-state]").TextContent));
    }

    [Fact]
    public async Task The_profile_shows_consent_totals_and_the_merged_timeline()
    {
        await SeedAsync();
        var page = Render<CustomerPage>(p => p.Add(c => c.Id, 1));
        page.WaitForAssertion(() => Assert.Equal("Ann", page.Find("[data-testid=customer-name]").TextContent));
        Assert.Contains("Accepts marketing email", page.Markup);
        Assert.Equal("¥230.00", page.Find("[data-testid=customer-revenue]").TextContent);
        Assert.Equal("2", page.Find("[data-testid=customer-orders]").TextContent);
        var rows = page.FindAll("[data-testid=timeline] tr");
        Assert.Equal(7, rows.Count);
        // Newest first, in the business time zone (UTC+8): the refunded Beta order at 20:45.
        Assert.Contains("2026-03-01 20:45:00", rows[0].TextContent);
        Assert.Contains("Order o5", rows[0].TextContent);
        Assert.Contains("Chatted", rows[6].TextContent);
        Assert.Empty(page.FindAll("[data-testid=load-more]"));

        var bob = Render<CustomerPage>(p => p.Add(c => c.Id, 2));
        bob.WaitForAssertion(() => Assert.Contains("do not email", bob.Markup));
        var missing = Render<CustomerPage>(p => p.Add(c => c.Id, 99));
        missing.WaitForAssertion(() => Assert.Contains("There is no customer with this id", missing.Markup));
    }

    [Fact]
    public async Task The_course_page_shows_totals_trend_best_sessions_and_links_to_its_sessions()
    {
        await SeedAsync();
        Render<MudPopoverProvider>();
        var page = Render<CoursePage>(p => p.Add(c => c.Id, 1));
        page.WaitForAssertion(() => Assert.Equal("Alpha", page.Find("[data-testid=course-title]").TextContent));
        Assert.Equal("¥445.00", page.Find("[data-testid=course-revenue]").TextContent);
        Assert.Equal("6", page.Find("[data-testid=course-orders]").TextContent);
        Assert.NotEmpty(page.FindAll("svg"));
        Assert.Empty(page.FindAll("[data-testid=empty-state]"));
        var best = page.FindAll("[data-testid=best-sessions] tbody tr");
        Assert.Equal(["Alpha launch", "Alpha encore"], best.Select(r => r.QuerySelector("a")!.TextContent));
        Assert.Equal("/live-sessions?course=1", page.Find("[data-testid=all-sessions]").GetAttribute("href"));
    }

    [Fact]
    public async Task The_session_page_shows_viewers_sales_windows_conversion_and_its_course()
    {
        await SeedAsync();
        var page = Render<LiveSessionPage>(p => p.Add(c => c.Id, 1));
        page.WaitForAssertion(() => Assert.Equal("Alpha launch", page.Find("[data-testid=session-title]").TextContent));
        Assert.Equal("3", page.Find("[data-testid=session-viewers]").TextContent);
        Assert.Equal("¥80.00", page.Find("[data-testid=session-during]").TextContent);
        Assert.Equal("¥90.00", page.Find("[data-testid=session-after]").TextContent);
        Assert.Equal("66.7%", page.Find("[data-testid=session-conversion]").TextContent);
        Assert.Equal("/courses/1", page.Find("[data-testid=session-course]").GetAttribute("href"));
        Assert.Equal(["2", "1", "1", "1"], page.FindAll("[data-testid=interaction-totals] tbody td").Select(td => td.TextContent));

        var quiet = Render<LiveSessionPage>(p => p.Add(c => c.Id, 3));
        quiet.WaitForAssertion(() => Assert.Contains("No chats, questions, poll votes or coupon claims", quiet.Markup));
        Assert.Equal("0.0%", quiet.Find("[data-testid=session-conversion]").TextContent);
    }

    [Fact]
    public async Task The_sessions_grid_filters_by_course_from_the_address()
    {
        await SeedAsync();
        Render<MudPopoverProvider>();
        Services.GetRequiredService<NavigationManager>().NavigateTo("/live-sessions?course=2");
        var page = Render<LiveSessionsPage>();
        page.WaitForAssertion(() => Assert.Contains("Beta preview", page.Markup));
        Assert.DoesNotContain("Alpha launch", page.Markup);
        Assert.Contains("Sessions of Beta", page.Find("[data-testid=course-filter]").TextContent);
        Assert.Contains("Not started", page.Markup);
    }
}

public sealed class AudiencePageFailureTests() : AudienceUiContext(migrate: false)
{
    [Fact]
    public void A_failed_load_offers_retry_and_retry_recovers()
    {
        Render<MudPopoverProvider>();
        var page = Render<CustomersPage>();
        page.WaitForAssertion(() => Assert.Contains("The customers could not be loaded.", page.Markup));
        Assert.DoesNotContain("SqliteException", page.Markup);

        new Migrator(Store.Db).Migrate();
        page.Find("[data-testid=retry]").Click();
        page.WaitForAssertion(() => Assert.Contains("No customers yet.", page.Markup));
        Assert.Empty(page.FindAll("[data-testid=load-failed]"));

        var session = Render<LiveSessionPage>(p => p.Add(c => c.Id, 1));
        session.WaitForAssertion(() => Assert.Contains("There is no live session with this id", session.Markup));
    }
}
