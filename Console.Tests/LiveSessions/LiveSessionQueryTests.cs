using Console.Domain.Data;
using Console.Domain.LiveSessions;
using Dapper;

namespace Console.Tests.LiveSessions;

public sealed class LiveSessionQueryTests(SampleShopStore fixture) : IClassFixture<SampleShopStore>
{
    private LiveSessionList List => new(fixture.Store.Db, new BusinessTime(new BusinessOptions()));

    [Fact]
    public async Task The_grid_pages_latest_first_filters_by_course_and_searches_titles()
    {
        var all = await List.QueryAsync(new LiveSessionQuery(), 0, 10);
        Assert.Equal(3, all.Total);
        Assert.Equal(["Alpha encore", "Alpha launch", "Beta preview"], all.Rows.Select(r => r.Title));
        Assert.Equal([(2L, 7500L), (1L, 8000L), (0L, 0L)], all.Rows.Select(r => (r.Orders, r.NetRevenue)));
        Assert.Equal("Alpha", all.Rows[0].CourseTitle);

        var alpha = await List.QueryAsync(new LiveSessionQuery(CourseId: 1, Descending: false), 0, 10);
        Assert.Equal(["Alpha launch", "Alpha encore"], alpha.Rows.Select(r => r.Title));
        var encore = await List.QueryAsync(new LiveSessionQuery(Search: "ENCORE"), 0, 10);
        Assert.Equal(2, Assert.Single(encore.Rows).Id);
        var page2 = await List.QueryAsync(new LiveSessionQuery(Sort: LiveSessionSort.Title, Descending: false), 1, 1);
        Assert.Equal((3, "Alpha launch"), (page2.Total, Assert.Single(page2.Rows).Title));
    }

    [Fact]
    public async Task Sessions_rank_both_ways_by_room_sales_and_by_the_funnels_viewers_and_conversion()
    {
        await using (var connection = await fixture.Store.Db.OpenAsync())
            await connection.ExecuteAsync("""
                INSERT OR REPLACE INTO live_session_funnel (live_session_id, viewers, engaged, buyers, computed_at)
                VALUES (1, 3, 2, 1, '2026-03-06 00:00:00'), (2, 2, 1, 2, '2026-03-06 00:00:00')
                """);
        async Task<string[]> TitlesAsync(LiveSessionSort sort, bool descending = true) =>
            (await List.QueryAsync(new LiveSessionQuery(Sort: sort, Descending: descending), 0, 10)).Rows.Select(r => r.Title).ToArray();

        Assert.Equal(["Alpha launch", "Alpha encore", "Beta preview"], await TitlesAsync(LiveSessionSort.Revenue));
        Assert.Equal(["Beta preview", "Alpha encore", "Alpha launch"], await TitlesAsync(LiveSessionSort.Revenue, false));
        Assert.Equal(["Alpha encore", "Alpha launch", "Beta preview"], await TitlesAsync(LiveSessionSort.Orders));
        Assert.Equal(["Alpha launch", "Alpha encore", "Beta preview"], await TitlesAsync(LiveSessionSort.Viewers));
        Assert.Equal(["Alpha encore", "Alpha launch", "Beta preview"], await TitlesAsync(LiveSessionSort.Conversion));
        Assert.Equal(["Beta preview", "Alpha launch", "Alpha encore"], await TitlesAsync(LiveSessionSort.Conversion, false));

        var rows = (await List.QueryAsync(new LiveSessionQuery(Sort: LiveSessionSort.Conversion), 0, 10)).Rows;
        Assert.Equal([(2L, 2L, 1.0), (3L, 1L, 1.0 / 3), (0L, 0L, 0.0)], rows.Select(r => (r.Viewers, r.Buyers, r.Conversion)));
    }

    [Fact]
    public async Task A_range_of_business_days_keeps_the_sessions_started_in_it()
    {
        // Alpha encore started on 5 March at 20:00 in Shanghai; the unstarted preview has no day at all.
        var fifth = await List.QueryAsync(new LiveSessionQuery(Days: new DayRange(new DateOnly(2026, 3, 5), new DateOnly(2026, 3, 5))), 0, 10);
        Assert.Equal((1, "Alpha encore"), (fifth.Total, Assert.Single(fifth.Rows).Title));
        var early = await List.QueryAsync(new LiveSessionQuery(Days: new DayRange(null, new DateOnly(2026, 3, 4))), 0, 10);
        Assert.Equal("Alpha launch", Assert.Single(early.Rows).Title);
    }

    [Fact]
    public async Task The_report_counts_viewers_sales_during_and_within_a_day_after_and_conversion()
    {
        var report = await new LiveSessionReport(fixture.Store.Db).GetAsync(1);
        Assert.NotNull(report);
        Assert.Equal(("Alpha launch", "Alpha", 1L), (report.Session.Title, report.Session.CourseTitle, report.Session.CourseId));
        Assert.Equal(3, report.Viewers);
        // Ann's in-room order; Bob's course order the next morning; Cai's came too late and Eve never watched.
        Assert.Equal(new SalesFigures(1, 1, 8000), report.During);
        Assert.Equal(new SalesFigures(1, 1, 9000), report.After24h);
        Assert.Equal(new SalesFigures(2, 2, 17000), report.Total);
        Assert.Equal(2.0 / 3, report.Conversion, 6);
        Assert.Equal(2, report.EventsByType["chat"]);
        Assert.Equal(2, report.EventsByType["watch"]);
        Assert.Equal(1, report.EventsByType["page_view"]);

        var unstarted = await new LiveSessionReport(fixture.Store.Db).GetAsync(3);
        Assert.NotNull(unstarted);
        Assert.Equal((0L, 0.0), (unstarted.Viewers, unstarted.Conversion));
        Assert.Equal(new SalesFigures(0, 0, 0), unstarted.Total);
        Assert.Null(await new LiveSessionReport(fixture.Store.Db).GetAsync(99));
    }

    [Fact]
    public async Task Interactions_are_counted_per_minute_with_quiet_minutes_as_zeros()
    {
        var activity = new LiveSessionActivity(fixture.Store.Db);
        var minutes = await activity.ByMinuteAsync(1);
        Assert.Equal([SampleShop.At(1, 12, 0, 0), SampleShop.At(1, 12, 1, 0), SampleShop.At(1, 12, 2, 0), SampleShop.At(1, 12, 3, 0)],
            minutes.Select(m => m.Minute));
        Assert.Equal(new MinuteActivity(SampleShop.At(1, 12, 0, 0), 2, 0, 0, 0), minutes[0]);
        Assert.Equal(new MinuteActivity(SampleShop.At(1, 12, 1, 0), 0, 1, 1, 0), minutes[1]);
        Assert.Equal(0, minutes[2].Total);
        Assert.Equal(1, minutes[3].CouponClaims);
        Assert.All(minutes, m => Assert.Equal(DateTimeKind.Utc, m.Minute.Kind));
        Assert.Empty(await activity.ByMinuteAsync(3));
    }
}
