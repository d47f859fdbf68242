using Console.Domain.Data;
using Console.Domain.Orders;
using Console.Tests.Support;

namespace Console.Tests.Orders;

public sealed class OrderListTests : IAsyncLifetime
{
    private readonly PromoStore _store = new();

    public Task InitializeAsync() => OrderScenario.RunAsync(_store);

    public Task DisposeAsync()
    {
        _store.Dispose();
        return Task.CompletedTask;
    }

    private async Task<string[]> IdsAsync(OrderQuery query, int skip = 0, int take = 50) =>
        (await _store.Get<OrderList>().QueryAsync(query, skip, take)).Rows.Select(r => r.OrderId).ToArray();

    [Fact]
    public async Task Orders_list_newest_first_with_customer_course_and_money_page_by_page()
    {
        var page = await _store.Get<OrderList>().QueryAsync(new OrderQuery(), 0, 50);
        Assert.Equal(8, page.Total);
        Assert.Equal(["late", "k1", "g4", "g2", "g6", "g3", "g5", "g1"], page.Rows.Select(r => r.OrderId));
        var k1 = page.Rows[1];
        Assert.Equal(("Ann Lee", "a", "C#", "storefront"), (k1.CustomerName, k1.CustomerExternalId, k1.CourseTitle, k1.Channel));
        Assert.Equal((30000L, 24000L, 1000L, OrderStatus.PartiallyRefunded), (k1.ListPrice, k1.Payable, k1.Refunded, k1.Status));
        Assert.Equal(PromoStore.Start.AddMinutes(130).UtcDateTime, k1.PaidAt);

        Assert.Equal(["g4", "g2"], await IdsAsync(new OrderQuery(), skip: 2, take: 2));
    }

    [Fact]
    public async Task Orders_are_found_by_id_customer_course_status_and_coupon_in_any_case()
    {
        Assert.Equal(["k1"], await IdsAsync(new OrderQuery(OrderId: "K1")));
        Assert.Equal(["g3"], await IdsAsync(new OrderQuery(Customer: "c,x")));
        // An address is sealed in the store, so it is found whole and in any case, and a part of it finds nothing.
        Assert.Equal(["k1", "g1"], await IdsAsync(new OrderQuery(Customer: "ANN@x.io")));
        Assert.Empty(await IdsAsync(new OrderQuery(Customer: "ann@")));
        Assert.Equal(["late", "g2"], await IdsAsync(new OrderQuery(Customer: "bob wu")));
        Assert.Equal(["late", "k1"], await IdsAsync(new OrderQuery(Course: "c#")));
        Assert.Equal(6, (await IdsAsync(new OrderQuery(Course: "c-art"))).Length);
        Assert.Equal(["g3"], await IdsAsync(new OrderQuery(Status: OrderStatus.RefundDue)));
        Assert.Equal(["g4"], await IdsAsync(new OrderQuery(Status: OrderStatus.AwaitingGroup)));
        Assert.Equal(["k1"], await IdsAsync(new OrderQuery(Coupon: "spring20")));
        Assert.Empty(await IdsAsync(new OrderQuery(Coupon: "SPRING")));
        Assert.Equal(["k1"], await IdsAsync(new OrderQuery(Customer: "ann", Course: "C#", Coupon: OrderScenario.Coupon)));
        Assert.Empty(await IdsAsync(new OrderQuery(OrderId: "100%")));
    }

    [Fact]
    public async Task A_range_of_business_days_keeps_the_orders_paid_in_it()
    {
        var march1 = new DateOnly(2025, 3, 1);
        Assert.Equal(7, (await IdsAsync(new OrderQuery(Days: new DayRange(march1, march1)))).Length);
        Assert.Equal(["late"], await IdsAsync(new OrderQuery(Days: new DayRange(march1.AddDays(1), null))));
        Assert.Empty(await IdsAsync(new OrderQuery(Days: new DayRange(null, march1.AddDays(-1)))));
        var page = await _store.Get<OrderList>().QueryAsync(new OrderQuery(Status: OrderStatus.Paid, Days: new DayRange(march1, march1)), 0, 2);
        Assert.Equal((4, 2), (page.Total, page.Rows.Count));
    }
}
