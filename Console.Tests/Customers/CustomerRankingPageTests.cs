using Bunit;
using Console.Web.Components.Pages.Courses;
using Console.Web.Components.Pages.Customers;
using Console.Web.Components.Pages.LiveSessions;
using Console.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace Console.Tests.Customers;

/// <summary>The customer, course and session grids open ranked, take their view from the address and write changes back to it.</summary>
public sealed class CustomerRankingPageTests : ShopUiContext
{
    private NavigationManager Navigation => Services.GetRequiredService<NavigationManager>();

    private static string[] FirstLinks<T>(IRenderedComponent<T> page) where T : IComponent =>
        page.FindAll("tbody tr").Select(r => r.QuerySelector("a")?.TextContent ?? "").ToArray();

    [Fact]
    public async Task Customers_open_on_the_most_valuable_buyers_and_the_direction_button_reverses_through_the_address()
    {
        await SampleShop.SeedAsync(Store);
        Render<MudPopoverProvider>();
        Navigation.NavigateTo("/customers");
        var page = Render<CustomersPage>();
        page.WaitForAssertion(() => Assert.Equal(["Ann", "Bob", "Cai", "Eve", "Dee"], FirstLinks(page)));

        page.Find("[data-testid=sort-direction]").Click();
        page.WaitForAssertion(() => Assert.EndsWith("/customers?sort=revenue&dir=asc", Navigation.Uri));
        page.WaitForAssertion(() => Assert.Equal(["Dee", "Eve", "Cai", "Bob", "Ann"], FirstLinks(page)));
    }

    [Fact]
    public async Task A_shared_address_reopens_the_same_view_and_unreadable_parts_fall_back_to_the_default()
    {
        await SampleShop.SeedAsync(Store);
        Render<MudPopoverProvider>();
        Navigation.NavigateTo("/customers?sort=name&dir=desc&q=c&from=2026-03-01&to=2026-03-01");
        var page = Render<CustomersPage>();
        page.WaitForAssertion(() => Assert.Equal(["Eve", "Dee", "Cai", "Bob", "Ann"], FirstLinks(page)));
        Assert.NotEmpty(page.FindAll("[data-testid=days-note]"));
        // Only Ann's and Eve's orders were paid on 1 March.
        Assert.Contains("¥230.00", page.Find("tbody").TextContent);
        Assert.DoesNotContain("¥160.00", page.Find("tbody").TextContent);

        Navigation.NavigateTo("/customers?sort=drop%20table&dir=sideways&from=yesterday");
        var fallback = Render<CustomersPage>();
        fallback.WaitForAssertion(() => Assert.Equal(["Ann", "Bob", "Cai", "Eve", "Dee"], FirstLinks(fallback)));
    }

    [Fact]
    public async Task Courses_and_sessions_rank_from_the_address_and_counts_carry_thousands_separators()
    {
        await SampleShop.SeedAsync(Store);
        Render<MudPopoverProvider>();
        Navigation.NavigateTo("/courses?sort=price&dir=desc");
        var courses = Render<CoursesPage>();
        courses.WaitForAssertion(() => Assert.Equal(["Gamma", "Beta", "Alpha"], FirstLinks(courses)));
        Navigation.NavigateTo("/courses");
        var byRevenue = Render<CoursesPage>();
        byRevenue.WaitForAssertion(() => Assert.Equal(["Alpha", "Beta", "Gamma"], FirstLinks(byRevenue)));
        Assert.Contains("¥445.00", byRevenue.Find("tbody").TextContent);

        Navigation.NavigateTo("/live-sessions?sort=revenue&dir=desc");
        var sessions = Render<LiveSessionsPage>();
        sessions.WaitForAssertion(() => Assert.Equal(["Alpha launch", "Alpha encore", "Beta preview"], FirstLinks(sessions)));

        Assert.Equal("12,480", ShopFormat.Count(12480));
        Assert.Equal("1,234,567", ShopFormat.Count(1234567));
    }
}
