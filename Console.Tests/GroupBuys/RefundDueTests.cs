using Console.Domain.GroupBuys;
using Console.Domain.Orders;
using Console.Tests.Support;

namespace Console.Tests.GroupBuys;

/// <summary>The orders to refund of a group buy stay listed with what is still owed until they are refunded in full.</summary>
public sealed class RefundDueTests : IDisposable
{
    private readonly PromoStore _store = new();

    public void Dispose() => _store.Dispose();

    [Fact]
    public async Task A_failed_teams_order_refunded_in_part_stays_listed_with_the_rest_owed_until_refunded_in_full()
    {
        var (campaign, _) = await GroupBuyScenario.RunAsync(_store);
        var refunds = _store.Get<RefundOrder>();
        var due = _store.Get<RefundDueOrders>();
        var before = Assert.Single((await due.PageAsync(campaign, 0, 10)).Rows);

        Assert.IsType<RefundOrder.Outcome.Refunded>(await refunds.ExecuteAsync(before.OrderId, new RefundOrder.Command(30m, "first part")));

        var page = await due.PageAsync(campaign, 0, 10);
        var row = Assert.Single(page.Rows);
        Assert.Equal((before.OrderId, before.Owed - 3000), (row.OrderId, row.Owed));
        Assert.Equal((1L, before.Owed - 3000), (page.Total, page.TotalOwed));
        Assert.Contains($"{before.OrderId},", await due.CsvAsync(campaign));

        Assert.IsType<RefundOrder.Outcome.Refunded>(await refunds.ExecuteAsync(before.OrderId, new RefundOrder.Command(Reason: "the rest")));

        Assert.Equal(0, (await due.PageAsync(campaign, 0, 10)).Total);
    }
}
