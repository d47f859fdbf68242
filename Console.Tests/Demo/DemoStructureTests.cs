using Console.Domain.Data.Demo;
using Console.Tests.Support;
using Dapper;

namespace Console.Tests.Demo;

/// <summary>One small demo store shared by the structure checks: seeding it takes about a second.</summary>
public sealed class DemoStoreFixture : IAsyncLifetime, IDisposable
{
    public const int Customers = 3_000;
    public TempStore Store { get; } = new();
    public DemoResult Result { get; private set; } = null!;

    public async Task InitializeAsync() => Result = await DemoTestData.SeedAsync(Store, Customers, days: 30, seed: 42);

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => Store.Dispose();
}

public sealed class DemoStructureTests(DemoStoreFixture fixture) : IClassFixture<DemoStoreFixture>
{
    private T One<T>(string sql, object? args = null)
    {
        using var connection = fixture.Store.Db.Open();
        return connection.ExecuteScalar<T>(sql, args)!;
    }

    [Fact]
    public void Buyers_watched_longer_than_non_buyers()
    {
        using var connection = fixture.Store.Db.Open();
        var rows = connection.Query<(long Bought, double Seconds)>("""
            SELECT CASE WHEN EXISTS (SELECT 1 FROM orders o WHERE o.customer_id = c.id) THEN 1 ELSE 0 END AS bought,
                   COALESCE((SELECT SUM(e.value) FROM events e WHERE e.customer_id = c.id AND e.type = 'watch'), 0.0) AS seconds
            FROM customers c
            """).ToList();
        var buyers = rows.Where(r => r.Bought == 1).Select(r => r.Seconds).ToList();
        var others = rows.Where(r => r.Bought == 0).Select(r => r.Seconds).ToList();
        Assert.True(buyers.Count > 100 && others.Count > 100, $"{buyers.Count} buyers, {others.Count} others");
        Assert.True(buyers.Average() > 2 * others.Average(), $"buyers {buyers.Average():F0} s, others {others.Average():F0} s");
    }

    [Fact]
    public void Evening_sessions_convert_better_than_morning_ones()
    {
        using var connection = fixture.Store.Db.Open();
        // Asia/Shanghai is UTC+8 all year: the local start hour is the UTC hour plus 8.
        var slots = connection.Query<(long Hour, long Viewers, long Orders)>("""
            SELECT (CAST(strftime('%H', s.started_at) AS INTEGER) + 8) % 24 AS hour,
                   (SELECT COUNT(DISTINCT e.customer_id) FROM events e WHERE e.live_session_id = s.id AND e.type = 'watch') AS viewers,
                   (SELECT COUNT(1) FROM orders o WHERE o.live_session_id = s.id) AS orders
            FROM live_sessions s
            """).ToList();
        static double Rate(IEnumerable<(long Hour, long Viewers, long Orders)> rows) =>
            (double)rows.Sum(r => r.Orders) / Math.Max(1, rows.Sum(r => r.Viewers));
        var evening = slots.Where(s => s.Hour is >= 19 and < 22).ToList();
        var morning = slots.Where(s => s.Hour is >= 6 and < 12).ToList();
        Assert.NotEmpty(evening);
        Assert.NotEmpty(morning);
        Assert.True(Rate(evening) > Rate(morning), $"evening {Rate(evening):P1}, morning {Rate(morning):P1}");
        Assert.True(evening.Average(s => s.Viewers) > morning.Average(s => s.Viewers), "evening sessions draw more viewers");
    }

    [Fact]
    public void Kol_orders_carry_referral_codes_and_channels_differ()
    {
        using var connection = fixture.Store.Db.Open();
        var codes = connection.Query<string>("SELECT DISTINCT referral_code FROM orders WHERE referral_code IS NOT NULL").ToList();
        Assert.NotEmpty(codes);
        Assert.All(codes, c => Assert.StartsWith("KOL-", c));
        Assert.Equal(0, One<long>("SELECT COUNT(1) FROM orders WHERE channel = 'kol_link' AND referral_code IS NULL"));
        var channels = connection.Query<string>("SELECT DISTINCT channel FROM orders").ToHashSet();
        Assert.Superset(new HashSet<string> { "live_room", "storefront", "wechat_mini", "kol_link" }, channels);
        Assert.Equal(0, One<long>("""
            SELECT COUNT(1) FROM orders o JOIN live_sessions s ON s.id = o.live_session_id
            WHERE o.paid_at < s.started_at OR o.paid_at > s.ended_at OR o.channel <> 'live_room'
            """));
    }

    [Fact]
    public void Paired_courses_are_bought_together_far_above_chance()
    {
        // Courses 1 and 2 are a pair (Python basics, then Python data analysis).
        var buyersOfFirst = One<long>("SELECT COUNT(DISTINCT customer_id) FROM orders WHERE course_id = 1");
        var both = One<long>("""
            SELECT COUNT(DISTINCT a.customer_id) FROM orders a JOIN orders b ON b.customer_id = a.customer_id
            WHERE a.course_id = 1 AND b.course_id = 2
            """);
        var buyersOfSecond = One<long>("SELECT COUNT(DISTINCT customer_id) FROM orders WHERE course_id = 2");
        Assert.True(buyersOfFirst > 20, $"{buyersOfFirst} buyers of course 1");
        var together = (double)both / buyersOfFirst;
        var overall = (double)buyersOfSecond / DemoStoreFixture.Customers;
        Assert.True(together > 3 * overall, $"{together:P1} of course 1 buyers took course 2; {overall:P1} of everyone did");
    }

    [Fact]
    public void About_three_percent_of_orders_are_refunded_consistently()
    {
        var orders = One<long>("SELECT COUNT(1) FROM orders");
        var refunded = One<long>("SELECT COUNT(1) FROM refunds WHERE first_for_order = 1");
        Assert.InRange((double)refunded / orders, 0.015, 0.05);
        Assert.Equal(refunded, One<long>("SELECT COUNT(1) FROM orders WHERE refunded > 0"));
        Assert.Equal(0, One<long>("""
            SELECT COUNT(1) FROM orders o
            WHERE o.refunded <> COALESCE((SELECT SUM(r.amount) FROM refunds r WHERE r.order_id = o.id), 0)
               OR o.status <> CASE WHEN o.refunded = 0 THEN
                       COALESCE((SELECT CASE t.state WHEN 'open' THEN 'awaiting_group' WHEN 'failed' THEN 'refund_due' END
                                 FROM group_buy_members m JOIN group_buy_teams t ON t.id = m.team_id WHERE m.order_id = o.id), 'paid')
                   WHEN o.refunded = o.payable THEN 'refunded' ELSE 'partially_refunded' END
               OR o.payable <> o.list_price - o.discount OR o.rolled_up <> 0
            """));
        Assert.Equal(0, One<long>("SELECT COUNT(1) FROM refunds r JOIN orders o ON o.id = r.order_id WHERE r.refunded_at <= o.paid_at"));
    }

    [Fact]
    public void Ids_are_dense_every_event_type_occurs_and_nothing_lies_beyond_the_end()
    {
        Assert.Equal(DemoStoreFixture.Customers, One<long>("SELECT COUNT(1) FROM customers"));
        Assert.Equal(DemoStoreFixture.Customers, One<long>("SELECT MAX(id) FROM customers"));
        Assert.Equal(40, One<long>("SELECT COUNT(1) FROM courses"));
        Assert.Equal(6, One<long>("SELECT COUNT(DISTINCT category) FROM courses"));
        Assert.Equal(0, One<long>("SELECT COUNT(1) FROM courses WHERE list_price < 9900 OR list_price > 299900"));
        string[] types = ["page_view", "watch", "chat", "question", "poll_vote", "like", "share", "lottery_join", "coupon_claim", "add_to_cart"];
        using var connection = fixture.Store.Db.Open();
        Assert.Equal(types.Order(), connection.Query<string>("SELECT DISTINCT type FROM events ORDER BY type"));
        Assert.Equal(fixture.Result.Events, One<long>("SELECT COUNT(DISTINCT event_id) FROM events"));
        // The plan ends at 00:00 UTC of its end day; stored times are sortable text, so >= compares instants.
        var end = new { end = DemoTestData.EndDay.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc) };
        Assert.Equal(0, One<long>("SELECT COUNT(1) FROM events WHERE occurred_at >= @end", end));
        Assert.Equal(0, One<long>("SELECT COUNT(1) FROM orders WHERE paid_at >= @end", end));
        Assert.Equal(0, One<long>("SELECT COUNT(1) FROM refunds WHERE refunded_at >= @end", end));
        Assert.True(One<long>("SELECT COUNT(1) FROM events WHERE occurred_at >= @from", new { from = end.end.AddDays(-1) }) > 0);
        Assert.Equal(0, One<long>("SELECT COUNT(1) FROM events e JOIN customers c ON c.id = e.customer_id WHERE e.occurred_at < c.created_at"));
    }
}
