using Console.Domain.Data;
using Console.Domain.Sales;
using Dapper;

namespace Console.Tests.Demo;

/// <summary>The demo's live rooms look like real ones: short, heavy-tailed viewing, a minority engaged, few buyers, claimed coupons.</summary>
public sealed class DemoLiveRoomTests(DemoStoreFixture fixture) : IClassFixture<DemoStoreFixture>
{
    private List<T> Rows<T>(string sql)
    {
        using var connection = fixture.Store.Db.Open();
        return connection.Query<T>(sql).ToList();
    }

    [Fact]
    public async Task The_live_funnel_has_a_believable_share_of_engaged_viewers_and_buyers()
    {
        await new RollupLiveFunnel(fixture.Store.Db, TimeProvider.System).RunAsync();
        var end = DemoTestData.EndDay;
        var funnel = await new LiveFunnel(fixture.Store.Db, new BusinessTime(new BusinessOptions())).GetAsync(end.AddDays(-40), end);

        Assert.True(funnel.Viewers > 1_000, $"{funnel.Viewers} viewers");
        Assert.InRange(funnel.EngagementRate, 0.25, 0.60);
        Assert.InRange(funnel.Conversion, 0.02, 0.15);
    }

    [Fact]
    public void Watch_time_per_visit_is_a_few_minutes_at_the_median_with_a_long_tail()
    {
        var minutes = Rows<double>("""
            SELECT SUM(value) / 60.0 FROM events WHERE type = 'watch' GROUP BY live_session_id, customer_id ORDER BY 1
            """);
        var median = minutes[minutes.Count / 2];
        var p95 = minutes[minutes.Count * 95 / 100];

        Assert.InRange(median, 1.5, 5);
        Assert.True(p95 > 5 * median, $"median {median:F1} min, 95th percentile {p95:F1} min");
    }

    [Fact]
    public void Claims_name_their_rooms_coupon_and_every_coupon_order_is_a_redemption_of_a_claimed_campaign()
    {
        Assert.Empty(Rows<long>("SELECT id FROM events WHERE type = 'coupon_claim' AND coupon_campaign_id IS NULL"));
        Assert.Empty(Rows<long>("SELECT id FROM events WHERE type <> 'coupon_claim' AND coupon_campaign_id IS NOT NULL"));
        // Each live-room coupon order has one redemption of its discount's campaign, by a customer who claimed it in that show first.
        Assert.Empty(Rows<long>("""
            SELECT d.order_id FROM order_discounts d JOIN orders o ON o.id = d.order_id
                 JOIN coupon_campaigns c ON c.id = d.campaign_id AND c.audience = 'live_claimers'
            WHERE d.kind = 'coupon'
              AND (NOT EXISTS (SELECT 1 FROM coupon_redemptions r
                               WHERE r.order_id = d.order_id AND r.campaign_id = d.campaign_id AND r.amount = d.amount)
                OR NOT EXISTS (SELECT 1 FROM events e
                               WHERE e.customer_id = o.customer_id AND e.live_session_id = o.live_session_id
                                 AND e.type = 'coupon_claim' AND e.coupon_campaign_id = d.campaign_id AND e.occurred_at < o.paid_at))
            """));
        var campaigns = Rows<(long Uses, long BudgetUsed, long Redemptions, long Amount)>("""
            SELECT c.uses, c.budget_used, (SELECT COUNT(1) FROM coupon_redemptions r WHERE r.campaign_id = c.id),
                   (SELECT COALESCE(SUM(r.amount), 0) FROM coupon_redemptions r WHERE r.campaign_id = c.id)
            FROM coupon_campaigns c WHERE c.audience = 'live_claimers'
            """);
        Assert.Equal(3, campaigns.Count);
        Assert.All(campaigns, c => Assert.Equal((c.Redemptions, c.Amount), (c.Uses, c.BudgetUsed)));
        Assert.True(campaigns.Sum(c => c.Uses) > 10, $"{campaigns.Sum(c => c.Uses)} coupon orders");
    }
}
