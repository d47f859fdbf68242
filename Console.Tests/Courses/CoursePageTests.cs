using Bunit;
using Console.Web.Components.Pages.Courses;
using MudBlazor;

namespace Console.Tests.Courses;

public sealed class CoursePageTests : ShopUiContext
{
    [Fact]
    public async Task The_course_page_shows_totals_trend_best_sessions_and_links_to_its_sessions()
    {
        await SampleShop.SeedAsync(Store);
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
    public void An_empty_store_explains_how_to_get_courses_in()
    {
        Render<MudPopoverProvider>();
        var page = Render<CoursesPage>();
        page.WaitForAssertion(() => Assert.Contains("POST /api/v1/courses", page.Find("[data-testid=empty-state]").TextContent));
    }
}
