using Console.Domain.Coupons;
using Console.Domain.GroupBuys;
using Console.Domain.Orders;
using Console.Tests.Support;

namespace Console.Tests.GroupBuys;

public sealed class GroupBuyResultsTests : IDisposable
{
    private readonly PromoStore _store = new();

    public void Dispose() => _store.Dispose();

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
        Assert.Equal([new TeamBoardMember("a", "a"), new TeamBoardMember("b", "b")], page.Rows[3].Members);
        var failed = await _store.Get<TeamBoard>().PageAsync(campaign, "failed", 0, 10);
        Assert.Equal(["c,x"], Assert.Single(failed.Rows).Members.Select(m => m.ExternalId));

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
