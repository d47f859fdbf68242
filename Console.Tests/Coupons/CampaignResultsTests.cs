using Console.Domain.Coupons;
using Console.Domain.GroupBuys;
using Console.Domain.Orders;

namespace Console.Tests.Coupons;

public sealed class CampaignResultsTests : IDisposable
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

    [Fact]
    public async Task Group_buy_board_results_and_refund_due_list_follow_the_teams()
    {
        var (campaign, t0) = await GroupBuyScenario.RunAsync(_store);

        var summary = await _store.Get<TeamBoard>().SummaryAsync(campaign);
        Assert.Equal(new TeamBoardSummary(1, 2, 1, 2 / 3.0, TimeSpan.FromMinutes(20)), summary);

        var page = await _store.Get<TeamBoard>().PageAsync(campaign, null, 0, 10);
        Assert.Equal(4, page.Total);
        Assert.Equal(["open", "failed", "succeeded", "succeeded"], page.Rows.Select(r => r.State));
        var open = page.Rows[0];
        Assert.Equal((1L, 2L, t0.AddMinutes(160).UtcDateTime), (open.Seats, open.Size, open.ExpiresAt));
        Assert.Equal(["a", "b"], page.Rows[3].Members);
        var failed = await _store.Get<TeamBoard>().PageAsync(campaign, "failed", 0, 10);
        Assert.Equal(["c,x"], Assert.Single(failed.Rows).Members);

        var results = await _store.Get<GroupBuyResults>().LoadAsync(campaign);
        Assert.Equal((6L, 6L, 6L), (results.Uses, results.Customers, results.NewCustomers));
        Assert.Equal(4 * 11000 + 2 * 10000, results.DiscountGiven);  // leaders pay 89.00, members 99.00 for a 199.00 course
        Assert.Equal(4 * 8900 + 2 * 9900, results.NetRevenue);
        Assert.Equal(new CampaignDay(new DateOnly(2025, 3, 1), 6, 64000, 55400), Assert.Single(results.Days));

        var due = await _store.Get<RefundDueOrders>().PageAsync(campaign, 0, 10);
        Assert.Equal((1L, 8900L), (due.Total, due.TotalOwed));
        var row = Assert.Single(due.Rows);
        Assert.Equal(("g3", "c,x", 8900L), (row.OrderId, row.CustomerExternalId, row.Owed));
        Assert.Equal(
            "order_id,customer_external_id,team_id,owed,paid_at,team_failed_at\n" +
            $"g3,\"c,x\",{row.TeamId},89.00,2025-03-01T00:10:00Z,2025-03-01T02:00:00Z\n",
            await _store.Get<RefundDueOrders>().CsvAsync(campaign));
    }
}

/// <summary>Four teams of two at 89.00 (leader) / 99.00: two fill (in 30 and 10 minutes), one fails, one is still open.</summary>
internal static class GroupBuyScenario
{
    public static async Task<(long Campaign, DateTimeOffset Start)> RunAsync(PromoStore store)
    {
        store.Customers("a", "b", "c,x", "d", "e", "f");
        var t0 = PromoStore.Start;
        store.Clock.Now = t0;
        var created = Assert.IsType<CreateGroupBuyCampaign.Outcome.Created>(await store.Get<CreateGroupBuyCampaign>().ExecuteAsync(
            new CreateGroupBuyCampaign.Input("Pairs", PromoStore.Art, 2, 99m, 89m, 60, Status: "active"), "m@x.io"));
        var id = created.Id;
        var team1 = (await store.OrderAsync("g1", "a", PromoStore.Art, groupBuy: new GroupBuyRequest(id, null))).GroupBuyTeam!.TeamId;
        store.Clock.Now = t0.AddMinutes(5);
        var team4 = (await store.OrderAsync("g5", "e", PromoStore.Art, groupBuy: new GroupBuyRequest(id, null))).GroupBuyTeam!.TeamId;
        store.Clock.Now = t0.AddMinutes(10);
        await store.OrderAsync("g3", "c,x", PromoStore.Art, groupBuy: new GroupBuyRequest(id, null));
        store.Clock.Now = t0.AddMinutes(15);
        await store.OrderAsync("g6", "f", PromoStore.Art, groupBuy: new GroupBuyRequest(id, team4));
        store.Clock.Now = t0.AddMinutes(30);
        await store.OrderAsync("g2", "b", PromoStore.Art, groupBuy: new GroupBuyRequest(id, team1));
        store.Clock.Now = t0.AddMinutes(100);
        await store.OrderAsync("g4", "d", PromoStore.Art, groupBuy: new GroupBuyRequest(id, null));
        store.Clock.Now = t0.AddMinutes(120);
        Assert.Equal(new ExpireTeams.Result(1, 1), await store.Get<ExpireTeams>().ExecuteAsync());
        return (id, t0);
    }
}
