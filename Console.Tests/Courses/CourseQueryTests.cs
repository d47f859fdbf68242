using Console.Domain.Courses;

namespace Console.Tests.Courses;

public sealed class CourseQueryTests(AudienceStore fixture) : IClassFixture<AudienceStore>
{
    [Fact]
    public async Task The_course_grid_carries_sales_to_date_recent_sales_and_session_counts()
    {
        var rows = await new CourseList(fixture.Store.Db).ListAsync(new DateOnly(2026, 3, 31));
        Assert.Equal(["Alpha", "Beta", "Gamma"], rows.Select(r => r.Title));
        var alpha = rows[0];
        Assert.Equal((6L, 44500L, 2L), (alpha.Orders, alpha.NetRevenue, alpha.Sessions));
        // The 30 days up to 31 March start on 2 March: Ann's and Eve's orders of 1 March fall outside.
        Assert.Equal((4L, 26500L), (alpha.RecentOrders, alpha.RecentNetRevenue));
        Assert.Equal((1L, 15000L, 1L), (rows[1].Orders, rows[1].NetRevenue, rows[1].Sessions));
        Assert.Equal((0L, 0L, 0L), (rows[2].Orders, rows[2].NetRevenue, rows[2].Sessions));
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
