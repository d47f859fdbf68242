using Console.Domain.Coupons;
using Console.Domain.Data;
using Console.Domain.Data.Demo;
using Console.Domain.GroupBuys;
using Console.Domain.Sales;
using Console.Tests.Support;
using Dapper;

namespace Console.Tests.Demo;

/// <summary>A demo store of 2,000 customers over 60 days, rolled up once, shared by the promotion checks.</summary>
public sealed class DemoPromotionFixture : IAsyncLifetime, IDisposable
{
    public TempStore Store { get; } = new();
    public BusinessTime Time { get; } = new(new BusinessOptions());
    public DemoResult Result { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Result = await DemoTestData.SeedAsync(Store, customers: 2_000, days: 60, seed: 42);
        await new RollupDailySales(Store.Db, Time).RunAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => Store.Dispose();
}

public sealed class DemoPromotionTests(DemoPromotionFixture fixture) : IClassFixture<DemoPromotionFixture>
{
    private static readonly DateTime End = DemoTestData.EndDay.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);

    private T One<T>(string sql, object? args = null)
    {
        using var connection = fixture.Store.Db.Open();
        return connection.ExecuteScalar<T>(sql, args)!;
    }

    private sealed record Campaign
    {
        public long Id { get; init; }
        public string Name { get; init; } = "";
        public string Kind { get; init; } = "";
        public string Status { get; init; } = "";
        public string Eligibility { get; init; } = "";
        public DateTime? StartsAt { get; init; }
        public DateTime? EndsAt { get; init; }
        public long? TotalLimit { get; init; }
        public long? Budget { get; init; }
        public long BudgetUsed { get; init; }
        public long Uses { get; init; }
        public long Codes { get; init; }
        public long UniqueCodes { get; init; }
        public long UsedCodes { get; init; }
    }

    private List<Campaign> Campaigns()
    {
        using var connection = fixture.Store.Db.Open();
        return connection.Query<Campaign>("""
            SELECT c.id, c.name, c.kind, c.status, c.eligibility, c.starts_at AS StartsAt, c.ends_at AS EndsAt,
                   c.total_limit AS TotalLimit, c.budget, c.budget_used AS BudgetUsed, c.uses,
                   (SELECT COUNT(1) FROM coupon_codes k WHERE k.campaign_id = c.id) AS Codes,
                   (SELECT COUNT(1) FROM coupon_codes k WHERE k.campaign_id = c.id AND k.is_unique = 1) AS UniqueCodes,
                   (SELECT COUNT(1) FROM coupon_codes k WHERE k.campaign_id = c.id AND k.is_unique = 1 AND k.uses = 1) AS UsedCodes
            FROM coupon_campaigns c ORDER BY c.id
            """).ToList();
    }

    [Fact]
    public void Coupon_campaigns_cover_every_kind_and_state()
    {
        var campaigns = Campaigns();
        Assert.Equal(11, campaigns.Count);
        Assert.Equal(["amount_off", "fixed_price", "percent_off"], campaigns.Select(c => c.Kind).Distinct().Order());
        Assert.Equal(["active", "ended", "paused"], campaigns.Select(c => c.Status).Distinct().Order());
        Assert.All(campaigns, c => Assert.Contains(" · ", c.Name));
        Assert.Contains(campaigns, c => c.Eligibility == "categories" && c.Kind == "percent_off" && c.Codes == 1 && c.Uses > 0);
        Assert.Contains(campaigns, c => c.Eligibility == "courses" && c.Kind == "fixed_price" && c.Uses > 0);
        Assert.Contains(campaigns, c => c.UniqueCodes > c.UsedCodes && c.UsedCodes > 0 && c.UsedCodes == c.Uses);
        Assert.Contains(campaigns, c => c.TotalLimit is { } limit && limit > 0 && c.Uses == limit);
        Assert.Contains(campaigns, c => c.Budget is { } budget && budget > 0 && c.BudgetUsed == budget);
        Assert.Contains(campaigns, c => c.Status == "ended" && c.EndsAt < End && c.Uses > 0);
        Assert.Contains(campaigns, c => c.Status == "paused" && c.Uses > 0);
        var scheduled = Assert.Single(campaigns, c => c.StartsAt > End.AddDays(6) && c.StartsAt < End.AddDays(8));
        Assert.Equal(("active", 0L), (scheduled.Status, scheduled.Uses));
    }

    [Fact]
    public void Campaign_counters_agree_with_redemptions_orders_and_refunds()
    {
        // Uses and budget never come back on refund in the demo: return_use_on_refund is off everywhere.
        Assert.Equal(0, One<long>("""
            SELECT COUNT(1) FROM coupon_campaigns c
            WHERE c.return_use_on_refund <> 0
               OR c.uses <> (SELECT COUNT(1) FROM coupon_redemptions r WHERE r.campaign_id = c.id)
               OR c.budget_used <> (SELECT COALESCE(SUM(r.amount), 0) FROM coupon_redemptions r WHERE r.campaign_id = c.id)
               OR (c.total_limit IS NOT NULL AND c.uses > c.total_limit) OR (c.budget IS NOT NULL AND c.budget_used > c.budget)
            """));
        Assert.Equal(0, One<long>("""
            SELECT COUNT(1) FROM coupon_codes k
            WHERE k.is_unique = 1 AND k.uses <> (SELECT COUNT(1) FROM coupon_redemptions r WHERE r.code_id = k.id)
            """));
        // A redemption is reversed exactly when its order was refunded in full, at that refund.
        Assert.Equal(0, One<long>("""
            SELECT COUNT(1) FROM coupon_redemptions r JOIN orders o ON o.id = r.order_id
            WHERE r.amount <> o.discount OR r.customer_id <> o.customer_id OR r.redeemed_at <> o.paid_at
               OR (o.status = 'refunded') <> (r.reversed_at IS NOT NULL)
               OR (r.reversed_at IS NOT NULL AND r.reversed_at <> (SELECT MAX(f.refunded_at) FROM refunds f WHERE f.order_id = o.id))
               OR NOT EXISTS (SELECT 1 FROM order_discounts d WHERE d.order_id = o.id AND d.kind = 'coupon' AND d.campaign_id = r.campaign_id
                              AND d.amount = r.amount)
            """));
        Assert.Equal(0, One<long>("""
            SELECT COUNT(1) FROM coupon_redemptions r JOIN orders o ON o.id = r.order_id JOIN coupon_campaigns c ON c.id = r.campaign_id
            WHERE r.campaign_id > 3 AND (o.paid_at < c.starts_at OR o.paid_at >= c.ends_at
               OR (c.min_spend IS NOT NULL AND o.list_price < c.min_spend)
               OR (c.eligibility = 'categories' AND NOT EXISTS (SELECT 1 FROM coupon_campaign_categories g JOIN courses k ON k.category = g.category
                   WHERE g.campaign_id = c.id AND k.id = o.course_id))
               OR (c.eligibility = 'courses' AND NOT EXISTS (SELECT 1 FROM coupon_campaign_courses g WHERE g.campaign_id = c.id AND g.course_id = o.course_id)))
            """));
        Assert.Equal(0, One<long>("""
            SELECT COUNT(1) FROM (SELECT campaign_id, customer_id FROM coupon_redemptions WHERE campaign_id > 3
                                  GROUP BY campaign_id, customer_id HAVING COUNT(1) > 1) x
            """));
    }

    [Fact]
    public void Teams_of_two_three_and_five_fill_fail_and_stay_open_by_the_rules()
    {
        using var connection = fixture.Store.Db.Open();
        var sizes = connection.Query<long>("SELECT team_size FROM group_buy_campaigns ORDER BY team_size").ToList();
        Assert.Equal([2L, 3L, 5L], sizes);
        var states = connection.Query<(long Campaign, string State, long Teams)>("""
            SELECT campaign_id, state, COUNT(1) FROM group_buy_teams GROUP BY campaign_id, state
            """).ToList();
        foreach (var campaign in new[] { 1L, 2L, 3L })
            foreach (var state in new[] { "open", "succeeded", "failed" })
                Assert.Contains(states, s => s.Campaign == campaign && s.State == state && s.Teams > 0);

        Assert.Equal(0, One<long>("""
            SELECT COUNT(1) FROM group_buy_teams t JOIN group_buy_campaigns g ON g.id = t.campaign_id
            WHERE t.size <> g.team_size OR t.members <> (SELECT COUNT(1) FROM group_buy_members m WHERE m.team_id = t.id)
               OR t.leader_customer_id <> (SELECT m.customer_id FROM group_buy_members m WHERE m.team_id = t.id AND m.is_leader = 1)
               OR (t.state = 'succeeded' AND (t.members <> t.size OR t.closed_at > t.expires_at))
               OR (t.state = 'failed' AND (t.members >= t.size OR t.closed_at <> t.expires_at OR t.expires_at >= @End))
               OR (t.state = 'open' AND (t.members >= t.size OR t.closed_at IS NOT NULL OR t.opened_at >= @End
                   OR t.expires_at <= @End OR t.expires_at > @Soon))
               OR g.teams_opened <> (SELECT COUNT(1) FROM group_buy_teams x WHERE x.campaign_id = g.id)
            """, new { End, Soon = End.AddHours(12) }));
        // Seats are paid at the group price; the team's state decides the order's.
        Assert.Equal(0, One<long>("""
            SELECT COUNT(1) FROM group_buy_members m JOIN group_buy_teams t ON t.id = m.team_id
                 JOIN group_buy_campaigns g ON g.id = t.campaign_id JOIN orders o ON o.id = m.order_id
            WHERE o.customer_id <> m.customer_id OR o.course_id <> g.course_id OR o.payable <> g.group_price OR o.paid_at <> m.joined_at
               OR m.joined_at < t.opened_at OR m.joined_at >= t.expires_at OR m.joined_at >= @End
               OR NOT EXISTS (SELECT 1 FROM order_discounts d WHERE d.order_id = o.id AND d.kind = 'group_buy' AND d.campaign_id = g.id
                              AND d.amount = o.discount)
               OR (t.state = 'open' AND o.status <> 'awaiting_group')
               OR (t.state = 'failed' AND o.status NOT IN ('refund_due', 'refunded'))
               OR (t.state = 'succeeded' AND o.status NOT IN ('paid', 'refunded', 'partially_refunded'))
            """, new { End }));
        var failed = connection.Query<string>("""
            SELECT o.status FROM group_buy_members m JOIN group_buy_teams t ON t.id = m.team_id JOIN orders o ON o.id = m.order_id
            WHERE t.state = 'failed'
            """).ToList();
        Assert.Contains("refund_due", failed);
        Assert.Contains("refunded", failed);
        Assert.Equal(0, One<long>("""
            SELECT COUNT(1) FROM refunds r JOIN group_buy_members m ON m.order_id = r.order_id JOIN group_buy_teams t ON t.id = m.team_id
            WHERE t.state = 'failed' AND r.refunded_at <= t.closed_at
            """));
    }

    [Fact]
    public async Task Results_pages_show_figures_for_every_campaign_that_ran()
    {
        var coupons = new CouponCampaignResults(fixture.Store.Db, fixture.Time);
        foreach (var id in Enumerable.Range(1, 10))
        {
            var r = await coupons.LoadAsync(id);
            Assert.True(r.Uses > 0 && r.Customers > 0 && r.DiscountGiven > 0 && r.NetRevenue > 0 && r.Days.Count > 0,
                $"coupon campaign {id}: {r.Uses} uses, {r.DiscountGiven} fen off, {r.NetRevenue} fen net");
        }
        Assert.Equal(0, (await coupons.LoadAsync(11)).Uses);

        var groupBuys = new GroupBuyResults(fixture.Store.Db, fixture.Time);
        var board = new TeamBoard(fixture.Store.Db);
        var refundDue = new RefundDueOrders(fixture.Store.Db);
        foreach (var id in new[] { 1L, 2L, 3L })
        {
            var r = await groupBuys.LoadAsync(id);
            Assert.True(r.Uses > 0 && r.DiscountGiven > 0 && r.NetRevenue > 0 && r.RefundedOrders > 0,
                $"group buy {id}: {r.Uses} seats, {r.DiscountGiven} fen off, {r.RefundedOrders} refunded");
            var summary = await board.SummaryAsync(id);
            Assert.True(summary.Open > 0 && summary.Succeeded > 0 && summary.Failed > 0, $"group buy {id}: {summary}");
            Assert.InRange(summary.SuccessRate!.Value, 0.01, 0.99);
            Assert.True(summary.AverageTimeToFill > TimeSpan.Zero);
            var page = await board.PageAsync(id, null, 0, 5);
            Assert.Equal("open", page.Rows[0].State);
            Assert.Equal(page.Rows[0].Seats, page.Rows[0].Members.Count);
            Assert.True((await refundDue.PageAsync(id, 0, 10)).Total > 0);
        }
    }

    [Fact]
    public void The_rollup_counts_promotion_orders_like_any_other()
    {
        Assert.Equal(0, One<long>("SELECT COUNT(1) FROM orders WHERE rolled_up = 0"));
        Assert.Equal(0, One<long>("SELECT COUNT(1) FROM refunds WHERE rolled_up = 0"));
        Assert.Equal(One<long>("SELECT COUNT(1) FROM orders"), One<long>("SELECT SUM(orders) FROM daily_sales"));
        Assert.Equal(One<long>("SELECT SUM(discount) FROM orders"), One<long>("SELECT SUM(discount) FROM daily_sales"));
        Assert.Equal(One<long>("SELECT SUM(amount) FROM refunds"), One<long>("SELECT SUM(refunded) FROM daily_sales"));
    }
}
