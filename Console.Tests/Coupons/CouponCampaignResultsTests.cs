using Console.Domain.Coupons;
using Console.Domain.Orders;

namespace Console.Tests.Coupons;

public sealed class CouponCampaignResultsTests : IDisposable
{
    private readonly PromoStore _store = new();

    public void Dispose() => _store.Dispose();

    [Fact]
    public async Task Coupon_results_count_uses_customers_new_customers_discount_net_revenue_refunds_and_business_days()
    {
        _store.Customers("a", "b", "c");
        _store.Clock.Now = PromoStore.Start.AddDays(5);
        var created = Assert.IsType<CreateCouponCampaign.Outcome.Created>(await _store.Get<CreateCouponCampaign>().ExecuteAsync(
            new CouponCampaignInput(Name: "Spring", Kind: "amount_off", Value: 20m, Code: "SPRING", Status: "active"), "m@x.io"));
        var day = PromoStore.Start;
        await _store.OrderAsync("o-b-old", "b", PromoStore.Code, paidAt: day.AddDays(-9));
        await _store.OrderAsync("o-a", "a", PromoStore.Art, "SPRING", paidAt: day.AddHours(2));        // 03-01 10:00 in Shanghai
        await _store.OrderAsync("o-b", "b", PromoStore.Art, "SPRING", paidAt: day.AddHours(17));       // 03-02 01:00
        await _store.OrderAsync("o-c", "c", PromoStore.Art, "SPRING", paidAt: day.AddDays(1).AddHours(3));
        await _store.OrderAsync("o-a2", "a", PromoStore.Code, "SPRING", paidAt: day.AddDays(3).AddHours(1));
        var refunds = _store.Get<RefundOrder>();
        Assert.IsType<RefundOrder.Outcome.Refunded>(await refunds.ExecuteAsync("o-c", new RefundOrder.Command()));
        Assert.IsType<RefundOrder.Outcome.Refunded>(await refunds.ExecuteAsync("o-a2", new RefundOrder.Command(50m)));

        var results = await _store.Get<CouponCampaignResults>().LoadAsync(created.Id);

        Assert.Equal(4, results.Uses);
        Assert.Equal(3, results.Customers);
        Assert.Equal(2, results.NewCustomers);                 // a and c bought first with it; b had bought before
        Assert.Equal(2 / 3.0, results.NewCustomerShare, 6);
        Assert.Equal(6000, results.DiscountGiven);             // the refunded-in-full order gave its 20.00 back
        Assert.Equal(17900 + 17900 + 0 + 23000, results.NetRevenue);
        Assert.Equal(2, results.RefundedOrders);
        Assert.Equal(17900 + 5000, results.Refunded);
        Assert.Equal(
            [
                new CampaignDay(new DateOnly(2025, 3, 1), 1, 2000, 17900),
                new CampaignDay(new DateOnly(2025, 3, 2), 2, 2000, 17900),
                new CampaignDay(new DateOnly(2025, 3, 3), 0, 0, 0),
                new CampaignDay(new DateOnly(2025, 3, 4), 1, 2000, 23000),
            ], results.Days);
        // The results page and the API agree on the discount and the revenue.
        var campaign = await _store.Get<GetCouponCampaign>().FindAsync(created.Id);
        Assert.Equal(campaign!.DiscountGiven, results.DiscountGiven);
        Assert.Equal(campaign.Revenue, results.NetRevenue);
    }

    [Fact]
    public async Task A_campaign_nobody_used_has_zero_figures_and_no_days()
    {
        var created = Assert.IsType<CreateCouponCampaign.Outcome.Created>(await _store.Get<CreateCouponCampaign>().ExecuteAsync(
            new CouponCampaignInput(Name: "Quiet", Kind: "percent_off", Value: 10m), "m@x.io"));
        var results = await _store.Get<CouponCampaignResults>().LoadAsync(created.Id);
        Assert.Equal(new CampaignResults(0, 0, 0, 0, 0, 0, 0, []), results with { Days = [] });
        Assert.Empty(results.Days);
        Assert.Equal(0, results.NewCustomerShare);
    }
}
