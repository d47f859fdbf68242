using Bunit;
using Console.Web.Components.Pages.LiveSessions;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace Console.Tests.LiveSessions;

public sealed class LiveSessionPageTests : ShopUiContext
{
    private async Task SeedAsync() => await SampleShop.SeedAsync(Store);

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

    [Fact]
    public void An_empty_store_explains_how_to_get_sessions_in()
    {
        Render<MudPopoverProvider>();
        var page = Render<LiveSessionsPage>();
        page.WaitForAssertion(() => Assert.Contains("POST /api/v1/live-sessions", page.Find("[data-testid=empty-state]").TextContent));
    }

    [Fact]
    public void An_unknown_session_id_says_so()
    {
        var page = Render<LiveSessionPage>(p => p.Add(c => c.Id, 1));
        page.WaitForAssertion(() => Assert.Contains("There is no live session with this id", page.Markup));
    }
}
