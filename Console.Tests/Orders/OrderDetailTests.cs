using Console.Domain.GroupBuys;
using Console.Domain.Orders;
using Console.Tests.Support;

namespace Console.Tests.Orders;

public sealed class OrderDetailTests : IAsyncLifetime
{
    private readonly PromoStore _store = new();

    public Task InitializeAsync() => OrderScenario.RunAsync(_store);

    public Task DisposeAsync()
    {
        _store.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task An_order_has_its_customer_course_coupon_with_campaign_and_refunds()
    {
        var k1 = await _store.Get<OrderDetail>().GetAsync("k1");
        Assert.NotNull(k1);
        Assert.Equal(("Ann Lee", "ann@x.io", "a"), (k1.CustomerName, k1.CustomerEmail, k1.CustomerExternalId));
        Assert.Equal(("C#", PromoStore.Code, "storefront"), (k1.CourseTitle, k1.CourseExternalId, k1.Channel));
        Assert.Null(k1.LiveSessionId);
        Assert.Equal((30000L, 6000L, 24000L, 1000L), (k1.ListPrice, k1.Discount, k1.Payable, k1.Refunded));
        Assert.Equal(OrderStatus.PartiallyRefunded, k1.Status);
        var coupon = Assert.Single(k1.Discounts);
        Assert.Equal(("coupon", OrderScenario.Coupon, "Spring sale", 6000L), (coupon.Kind, coupon.Code, coupon.CampaignName, coupon.Amount));
        var refund = Assert.Single(k1.Refunds);
        Assert.Equal((1000L, "Changed mind", PromoStore.Start.AddMinutes(140).UtcDateTime), (refund.Amount, refund.Reason, refund.RefundedAt));
        Assert.Null(k1.Team);
    }

    [Fact]
    public async Task A_group_buy_order_has_its_price_and_its_team_with_members_by_name()
    {
        var details = _store.Get<OrderDetail>();
        var g2 = await details.GetAsync("g2");
        Assert.NotNull(g2);
        var groupPrice = Assert.Single(g2.Discounts);
        Assert.Equal(("group_buy", null, "Pairs", 10000L), (groupPrice.Kind, groupPrice.Code, groupPrice.CampaignName, groupPrice.Amount));
        Assert.Empty(g2.Refunds);
        var team = g2.Team;
        Assert.NotNull(team);
        Assert.Equal(("Pairs", TeamState.Succeeded, 2L), (team.CampaignName, team.State, team.Size));
        Assert.Equal([("Ann Lee", true, "g1"), ("Bob Wu", false, "g2")], team.Members.Select(m => (m.CustomerName, m.IsLeader, m.OrderId)));

        var failed = await details.GetAsync("g3");
        Assert.NotNull(failed);
        Assert.Equal((OrderStatus.RefundDue, TeamState.Failed), (failed.Status, failed.Team?.State));
        Assert.Equal("c,x", Assert.Single(failed.Team!.Members).CustomerExternalId);

        Assert.Null(await details.GetAsync("no-such-order"));
        Assert.Null(await details.GetAsync(""));
    }
}
