using Console.Domain.LiveSessions;

namespace Console.Tests.LiveSessions;

public sealed class LiveSessionQueryTests(AudienceStore fixture) : IClassFixture<AudienceStore>
{
    [Fact]
    public async Task The_grid_pages_newest_first_filters_by_course_and_searches_titles()
    {
        var list = new LiveSessionList(fixture.Store.Db);
        var all = await list.QueryAsync(new LiveSessionQuery(), 0, 10);
        Assert.Equal(3, all.Total);
        Assert.Equal(["Alpha encore", "Alpha launch", "Beta preview"], all.Rows.Select(r => r.Title));
        Assert.Equal([(2L, 7500L), (1L, 8000L), (0L, 0L)], all.Rows.Select(r => (r.Orders, r.NetRevenue)));
        Assert.Equal("Alpha", all.Rows[0].CourseTitle);

        var alpha = await list.QueryAsync(new LiveSessionQuery(CourseId: 1, Sort: LiveSessionSort.StartedOldest), 0, 10);
        Assert.Equal(["Alpha launch", "Alpha encore"], alpha.Rows.Select(r => r.Title));
        var encore = await list.QueryAsync(new LiveSessionQuery(Search: "ENCORE"), 0, 10);
        Assert.Equal(2, Assert.Single(encore.Rows).Id);
        var page2 = await list.QueryAsync(new LiveSessionQuery(Sort: LiveSessionSort.Title), 1, 1);
        Assert.Equal((3, "Alpha launch"), (page2.Total, Assert.Single(page2.Rows).Title));
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
        Assert.Equal([AudienceData.At(1, 12, 0, 0), AudienceData.At(1, 12, 1, 0), AudienceData.At(1, 12, 2, 0), AudienceData.At(1, 12, 3, 0)],
            minutes.Select(m => m.Minute));
        Assert.Equal(new MinuteActivity(AudienceData.At(1, 12, 0, 0), 2, 0, 0, 0), minutes[0]);
        Assert.Equal(new MinuteActivity(AudienceData.At(1, 12, 1, 0), 0, 1, 1, 0), minutes[1]);
        Assert.Equal(0, minutes[2].Total);
        Assert.Equal(1, minutes[3].CouponClaims);
        Assert.All(minutes, m => Assert.Equal(DateTimeKind.Utc, m.Minute.Kind));
        Assert.Empty(await activity.ByMinuteAsync(3));
    }
}
