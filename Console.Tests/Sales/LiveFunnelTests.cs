using Console.Domain.Data;
using Console.Domain.Sales;
using Console.Tests.Support;
using Dapper;

namespace Console.Tests.Sales;

/// <summary>The per-session funnel rollup and the range read, against the definitions and against plain SQL.</summary>
public sealed class LiveFunnelTests : IDisposable
{
    private static readonly string[] Interactions = ["chat", "question", "poll_vote", "like", "share", "lottery_join", "coupon_claim", "add_to_cart"];

    private readonly TempStore _store = new();
    private readonly BusinessTime _time = new(new BusinessOptions());
    private readonly RollupLiveFunnel _rollup;
    private readonly LiveFunnel _funnel;
    private readonly LiveFunnelData _data;

    public LiveFunnelTests()
    {
        _rollup = new RollupLiveFunnel(_store.Db, TimeProvider.System);
        _funnel = new LiveFunnel(_store.Db, _time);
        _data = new LiveFunnelData(_store.Db);
    }

    public void Dispose() => _store.Dispose();

    [Fact]
    public async Task Viewers_engaged_and_buyers_follow_the_definitions_and_the_session_start_day()
    {
        await new SalesData(_store.Db).SeedCatalogAsync(customers: 10, courses: 1);
        // 2025-03-05 17:00 UTC is 2025-03-06 01:00 in Shanghai: the session belongs to the 6th.
        var session = await _data.AddSessionAsync("s1", new DateTime(2025, 3, 5, 17, 0, 0, DateTimeKind.Utc));
        var other = await _data.AddSessionAsync("s2", new DateTime(2025, 3, 5, 15, 0, 0, DateTimeKind.Utc));
        await _data.AddEventAsync(1, session, "page_view");                 // viewer only
        await _data.AddEventAsync(2, session, "watch", 200);
        await _data.AddEventAsync(2, session, "watch", 100);                // 300 s in total: engaged
        await _data.AddEventAsync(3, session, "chat");                      // engaged
        await _data.AddEventAsync(4, session, "watch", 299);                // not quite
        await _data.AddOrderAsync(3, session);                              // engaged buyer
        await _data.AddOrderAsync(5, session);                              // buyer with no event: still a viewer
        await _data.AddEventAsync(6, other, "chat");

        var result = await _rollup.RunAsync();
        var day = await _funnel.GetAsync(new DateOnly(2025, 3, 6), new DateOnly(2025, 3, 6));

        Assert.Equal(2, result.Sessions);
        Assert.Equal((1L, 5L, 2L, 2L), (day.Sessions, day.Viewers, day.Engaged, day.Buyers));
        Assert.Equal(0.4, day.Conversion, 9);
        var before = await _funnel.GetAsync(new DateOnly(2025, 3, 5), new DateOnly(2025, 3, 5));
        Assert.Equal((1L, 1L, 1L, 0L), (before.Sessions, before.Viewers, before.Engaged, before.Buyers));
        Assert.Equal(0, before.Conversion);
    }

    [Fact]
    public async Task Later_events_update_only_touched_sessions_and_a_pass_with_nothing_new_does_nothing()
    {
        await new SalesData(_store.Db).SeedCatalogAsync(customers: 10, courses: 1);
        var start = new DateTime(2025, 3, 10, 4, 0, 0, DateTimeKind.Utc);
        var session = await _data.AddSessionAsync("s1", start);
        await _data.AddEventAsync(1, session, "page_view");
        await _rollup.RunAsync();
        Assert.Equal(0, (await _rollup.RunAsync()).Sessions);

        await _data.AddEventAsync(1, session, "like");
        await _data.AddOrderAsync(2, session);
        var second = await _rollup.RunAsync();
        var day = await _funnel.GetAsync(new DateOnly(2025, 3, 10), new DateOnly(2025, 3, 10));

        Assert.Equal(1, second.Sessions);
        Assert.Equal((2L, 1L, 1L), (day.Viewers, day.Engaged, day.Buyers));
    }

    [Fact]
    public async Task Range_figures_equal_plain_sql_over_events_and_orders_and_a_rerun_from_scratch_changes_nothing()
    {
        await new SalesData(_store.Db).SeedCatalogAsync(customers: 40, courses: 2);
        var random = new Random(5);
        for (var s = 0; s < 12; s++)
        {
            // Some sessions have only a scheduled time; one has neither and belongs to no range.
            var at = SalesData.Start.AddHours(s * 30);
            var id = await _data.AddSessionAsync($"s{s}", s % 4 == 1 ? null : at, s == 11 ? null : at);
            for (var e = 0; e < 40; e++)
            {
                var type = random.Next(3) switch { 0 => "page_view", 1 => "watch", _ => Interactions[random.Next(Interactions.Length)] };
                await _data.AddEventAsync(random.Next(1, 41), id, type, type == "watch" ? random.Next(30, 400) : null);
            }
            for (var o = 0; o < 4; o++) await _data.AddOrderAsync(random.Next(1, 41), id);
            if (s == 5) await _rollup.RunAsync();
        }
        await _rollup.RunAsync();
        var (from, to) = (new DateOnly(2025, 3, 3), new DateOnly(2025, 3, 9));

        var figures = await _funnel.GetAsync(from, to);
        var expected = await PlainSqlAsync(from, to);

        Assert.Equal(expected, (figures.Sessions, figures.Viewers, figures.Engaged, figures.Buyers));
        Assert.True(figures.Sessions >= 4 && figures.Buyers > 0 && figures.Engaged > figures.Buyers / 2);

        await using (var connection = await _store.Db.OpenAsync())
            await connection.ExecuteAsync("UPDATE live_funnel_progress SET last_event_id = 0, last_order_id = 0");
        Assert.Equal(12, (await _rollup.RunAsync()).Sessions);
        Assert.Equal(figures, await _funnel.GetAsync(from, to));
    }

    /// <summary>The funnel straight from events and orders, one EXISTS test per (session, customer).</summary>
    private async Task<(long, long, long, long)> PlainSqlAsync(DateOnly from, DateOnly to)
    {
        await using var connection = await _store.Db.OpenAsync();
        var range = new { start = _time.StartOfDayUtc(from), end = _time.StartOfDayUtc(to.AddDays(1)) };
        return await connection.QuerySingleAsync<(long, long, long, long)>("""
            WITH s AS (
                SELECT id FROM live_sessions
                WHERE COALESCE(started_at, scheduled_at) >= @start AND COALESCE(started_at, scheduled_at) < @end
                  AND EXISTS (SELECT 1 FROM events e WHERE e.live_session_id = live_sessions.id
                              UNION ALL SELECT 1 FROM orders o WHERE o.live_session_id = live_sessions.id)),
            v AS (
                SELECT DISTINCT e.live_session_id AS sid, e.customer_id AS cid FROM events e JOIN s ON s.id = e.live_session_id
                UNION
                SELECT o.live_session_id, o.customer_id FROM orders o JOIN s ON s.id = o.live_session_id)
            SELECT (SELECT COUNT(*) FROM s),
                   (SELECT COUNT(*) FROM v),
                   (SELECT COUNT(*) FROM v WHERE
                       EXISTS (SELECT 1 FROM events e WHERE e.live_session_id = v.sid AND e.customer_id = v.cid
                               AND e.type NOT IN ('page_view', 'watch'))
                       OR (SELECT COALESCE(SUM(e.value), 0) FROM events e WHERE e.live_session_id = v.sid AND e.customer_id = v.cid
                           AND e.type = 'watch') >= 300),
                   (SELECT COUNT(*) FROM v WHERE EXISTS (SELECT 1 FROM orders o WHERE o.live_session_id = v.sid AND o.customer_id = v.cid))
            """, range);
    }
}
