using Console.Domain.Coupons;
using Console.Domain.Data;
using Console.Domain.Orders;
using Console.Domain.Sales;
using Console.Tests.Support;
using Dapper;

namespace Console.Tests.Sales;

/// <summary>Orders and refunds at the highest amount the console accepts, summed by the rollups and the campaign figures to the fen.</summary>
public sealed class TopPriceSumsTests : IDisposable
{
    private const string Top = "c-top";
    private static readonly long Most = MoneyBounds.Default.MaxFen;   // 100,000,000.00 in fen
    private readonly PromoStore _store = new();

    public TopPriceSumsTests()
    {
        using var connection = _store.Store.Db.Open();
        connection.Execute("""
            INSERT INTO courses (external_id, title, category, list_price, created_at, updated_at) VALUES (@Top, 'Everything', 'art', @Most, @now, @now)
            """, new { Top, Most, now = PromoStore.Start.UtcDateTime });
    }

    public void Dispose() => _store.Dispose();

    [Fact]
    public async Task Top_price_orders_and_refunds_roll_up_and_count_for_their_campaign_exactly()
    {
        _store.Customers("a", "b", "c", "d", "e");
        var campaign = Assert.IsType<CreateCouponCampaign.Outcome.Created>(await _store.Get<CreateCouponCampaign>().ExecuteAsync(
            new CouponCampaignInput(Name: "A fen off", Kind: "amount_off", Value: 0.01m, Budget: 100_000_000m, Code: "FEN",
                ReturnUseOnRefund: true, Status: "active"), "m@x.io"));
        // Five orders on one business day (Shanghai), one course and channel: they share a rollup row and a chunk.
        var day = PromoStore.Start;
        await _store.OrderAsync("o-a", "a", Top, "FEN", paidAt: day.AddHours(1));
        await _store.OrderAsync("o-b", "b", Top, "FEN", paidAt: day.AddHours(2));
        await _store.OrderAsync("o-c", "c", Top, "FEN", paidAt: day.AddHours(3));
        await _store.OrderAsync("o-d", "d", Top, paidAt: day.AddHours(4));
        await _store.OrderAsync("o-e", "e", Top, paidAt: day.AddHours(5));
        var refunds = _store.Get<RefundOrder>();
        Assert.IsType<RefundOrder.Outcome.Refunded>(await refunds.ExecuteAsync("o-b", new RefundOrder.Command()));
        Assert.IsType<RefundOrder.Outcome.Refunded>(await refunds.ExecuteAsync("o-d", new RefundOrder.Command(100_000_000m)));
        Assert.IsType<RefundOrder.Outcome.Refunded>(await refunds.ExecuteAsync("o-e", new RefundOrder.Command(50_000_000.01m)));

        var rolled = await _store.Get<RollupDailySales>().RunAsync();
        Assert.Equal((5, 3), (rolled.Orders, rolled.Refunds));

        const long FiveOrders = 5 * 10_000_000_000L - 3;                    // three paid a fen less
        const long Refunded = (10_000_000_000L - 1) + 10_000_000_000L + 5_000_000_001L;
        var row = Assert.Single((await _store.Get<RecomputeDailySales>().ReadStoredAsync()).Sales);
        Assert.Equal(new DailySalesRow(new DateOnly(2025, 3, 1), row.CourseId, "storefront", 5, FiveOrders, 3, Refunded, 3, 0), row);
        Assert.Equal(FiveOrders, 5 * Most - 3);
        RollupAssert.Equal(await _store.Get<RecomputeDailySales>().ComputeAsync(), await _store.Get<RecomputeDailySales>().ReadStoredAsync());

        var summary = await _store.Get<SalesSummary>().GetAsync(new DateOnly(2025, 3, 1), new DateOnly(2025, 3, 1));
        Assert.Equal((FiveOrders, Refunded, FiveOrders - Refunded), (summary.Current.Totals.Gross, summary.Current.Totals.Refunded,
            summary.Current.Totals.NetRevenue));
        Assert.Equal((FiveOrders - Refunded) / 5, summary.Current.Totals.AverageOrderValue);

        // The campaign: o-b was refunded in full, so it gave back its use, its fen of budget and its fen of discount.
        var results = await _store.Get<CouponCampaignResults>().LoadAsync(campaign.Id);
        Assert.Equal(3, results.Uses);
        Assert.Equal(2, results.DiscountGiven);
        Assert.Equal(2 * (Most - 1), results.NetRevenue);
        Assert.Equal((1, Most - 1), (results.RefundedOrders, results.Refunded));
        Assert.Equal([new CampaignDay(new DateOnly(2025, 3, 1), 3, 2, 2 * (Most - 1))], results.Days);
        var stored = await _store.Get<GetCouponCampaign>().FindAsync(campaign.Id);
        Assert.Equal((2L, 2L, 2L, 2 * (Most - 1)), (stored!.Uses, stored.BudgetUsed, stored.DiscountGiven, stored.Revenue));
    }
}
