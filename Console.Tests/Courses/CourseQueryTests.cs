using Console.Domain.Courses;
using Console.Domain.Data;

namespace Console.Tests.Courses;

public sealed class CourseQueryTests(SampleShopStore fixture) : IClassFixture<SampleShopStore>
{
    private static readonly DateOnly Today = new(2026, 3, 31);

    [Fact]
    public async Task The_course_grid_ranks_by_net_revenue_with_sales_to_date_recent_sales_and_session_counts()
    {
        var page = await new CourseList(fixture.Store.Db).QueryAsync(new CourseQuery(), Today, 0, 50);
        Assert.Equal(3, page.Total);
        Assert.Equal(["Alpha", "Beta", "Gamma"], page.Rows.Select(r => r.Title));
        var alpha = page.Rows[0];
        Assert.Equal((6L, 44500L, 2L), (alpha.Orders, alpha.NetRevenue, alpha.Sessions));
        // The 30 days up to 31 March start on 2 March: Ann's and Eve's orders of 1 March fall outside.
        Assert.Equal((4L, 26500L), (alpha.RecentOrders, alpha.RecentNetRevenue));
        Assert.Equal((1L, 15000L, 1L), (page.Rows[1].Orders, page.Rows[1].NetRevenue, page.Rows[1].Sessions));
        Assert.Equal((0L, 0L, 0L), (page.Rows[2].Orders, page.Rows[2].NetRevenue, page.Rows[2].Sessions));
    }

    [Fact]
    public async Task Courses_sort_both_ways_by_each_ranked_column_search_and_page_in_the_database()
    {
        var list = new CourseList(fixture.Store.Db);
        async Task<string[]> TitlesAsync(CourseQuery query, int skip = 0, int take = 50) =>
            (await list.QueryAsync(query, Today, skip, take)).Rows.Select(r => r.Title).ToArray();

        Assert.Equal(["Gamma", "Beta", "Alpha"], await TitlesAsync(new CourseQuery(Descending: false)));
        Assert.Equal(["Alpha", "Beta", "Gamma"], await TitlesAsync(new CourseQuery(Sort: CourseSort.Orders)));
        Assert.Equal(["Gamma", "Beta", "Alpha"], await TitlesAsync(new CourseQuery(Sort: CourseSort.Price)));
        Assert.Equal(["Alpha", "Beta", "Gamma"], await TitlesAsync(new CourseQuery(Sort: CourseSort.Price, Descending: false)));
        Assert.Equal(["Gamma", "Beta", "Alpha"], await TitlesAsync(new CourseQuery(Sort: CourseSort.Title)));
        Assert.Equal(["Alpha"], await TitlesAsync(new CourseQuery(Sort: CourseSort.RecentRevenue), take: 1));
        Assert.Equal(["Beta"], await TitlesAsync(new CourseQuery(Sort: CourseSort.Title, Descending: false), skip: 1, take: 1));

        var code = await list.QueryAsync(new CourseQuery("CODE"), Today, 0, 50);
        Assert.Equal((1, "Beta"), (code.Total, Assert.Single(code.Rows).Title));
        Assert.Equal(["Gamma"], await TitlesAsync(new CourseQuery("k3")));
        Assert.Empty(await TitlesAsync(new CourseQuery("100%")));
    }

    [Fact]
    public async Task A_range_of_business_days_ranks_by_the_sales_of_those_days_from_the_rollup()
    {
        var list = new CourseList(fixture.Store.Db);
        var first = await list.QueryAsync(new CourseQuery(Days: new DayRange(new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 1))), Today, 0, 50);
        var alpha = first.Rows.Single(r => r.Title == "Alpha");
        Assert.Equal((2L, 18000L), (alpha.Orders, alpha.NetRevenue));
        // The recent columns keep to the last 30 days whatever the range.
        Assert.Equal((4L, 26500L), (alpha.RecentOrders, alpha.RecentNetRevenue));

        var week = await list.QueryAsync(new CourseQuery(Days: new DayRange(new DateOnly(2026, 3, 2), new DateOnly(2026, 3, 7))), Today, 0, 50);
        Assert.Equal("Alpha", week.Rows[0].Title);
        Assert.Equal((4L, 26500L), (week.Rows[0].Orders, week.Rows[0].NetRevenue));
        var none = await list.QueryAsync(new CourseQuery(Days: new DayRange(new DateOnly(2026, 4, 1), null)), Today, 0, 50);
        Assert.Equal(3, none.Total);
        Assert.All(none.Rows, r => Assert.Equal((0L, 0L), (r.Orders, r.NetRevenue)));
    }

    [Fact]
    public async Task The_course_page_has_totals_and_a_daily_or_weekly_trend_in_business_days()
    {
        var detail = new CourseDetail(fixture.Store.Db);
        var alpha = await detail.GetAsync(1);
        Assert.NotNull(alpha);
        Assert.Equal((6L, 47500L, 3000L, 44500L, 3L, 2L), (alpha.Orders, alpha.Gross, alpha.Refunded, alpha.NetRevenue, alpha.LiveOrders, alpha.Sessions));
        Assert.Null(await detail.GetAsync(99));

        var days = await detail.TrendAsync(1, new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 5), TrendGrain.Day);
        Assert.Equal([2L, 1, 1, 0, 2], days.Select(d => d.Orders));
        Assert.Equal([18000L, 9000, 10000, 0, 7500], days.Select(d => d.NetRevenue));

        // 1 March 2026 is a Sunday: it closes the week that began on Monday 23 February.
        var weeks = await detail.TrendAsync(1, new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 7), TrendGrain.Week);
        Assert.Equal([new DateOnly(2026, 2, 23), new DateOnly(2026, 3, 2)], weeks.Select(w => w.Start));
        Assert.Equal([18000L, 26500], weeks.Select(w => w.NetRevenue));
        Assert.Equal([2L, 4], weeks.Select(w => w.Orders));
    }

    [Fact]
    public async Task Best_sessions_rank_by_revenue_or_by_buyers()
    {
        var sessions = new CourseSessions(fixture.Store.Db);
        var byRevenue = await sessions.BestAsync(1, SessionRanking.Revenue, 10);
        Assert.Equal(["Alpha launch", "Alpha encore"], byRevenue.Select(s => s.Title));
        Assert.Equal([8000L, 7500], byRevenue.Select(s => s.NetRevenue));
        var byBuyers = await sessions.BestAsync(1, SessionRanking.Buyers, 10);
        Assert.Equal(["Alpha encore", "Alpha launch"], byBuyers.Select(s => s.Title));
        Assert.Equal([(2L, 2L), (1L, 1L)], byBuyers.Select(s => (s.Orders, s.Buyers)));
        Assert.Single(await sessions.BestAsync(1, SessionRanking.Revenue, 1));
        var beta = Assert.Single(await sessions.BestAsync(2, SessionRanking.Revenue, 10));
        Assert.Equal((0L, 0L), (beta.Orders, beta.NetRevenue));
        Assert.Empty(await sessions.BestAsync(3, SessionRanking.Revenue, 10));
    }
}
