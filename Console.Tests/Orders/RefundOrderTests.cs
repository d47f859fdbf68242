using System.Net;
using System.Net.Http.Json;

namespace Console.Tests.Orders;

public sealed class RefundOrderTests(OrdersFixture f) : IClassFixture<OrdersFixture>
{
    private async Task<string> PaidOrderAsync()
    {
        var orderId = OrdersFixture.NewId("r");
        var created = await f.CreateAsync(new { orderId, customerExternalId = OrdersFixture.Customer, courseExternalId = OrdersFixture.Course });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return orderId;
    }

    private Task<HttpResponseMessage> RefundAsync(string orderId, object body) =>
        f.Client.PostAsJsonAsync($"/api/v1/orders/{orderId}/refund", body);

    private Task<long> RefundedFen(string orderId) =>
        f.ScalarAsync("SELECT refunded FROM orders WHERE order_id = @orderId", new { orderId });

    private Task<long> RefundRows(string orderId, bool? first = null, long? amount = null) => f.ScalarAsync(
        """
        SELECT COUNT(*) FROM refunds r JOIN orders o ON o.id = r.order_id
        WHERE o.order_id = @orderId AND r.rolled_up = 0
          AND (@first IS NULL OR r.first_for_order = @first) AND (@amount IS NULL OR r.amount = @amount)
        """, new { orderId, first, amount });

    [Fact]
    public async Task A_partial_refund_then_the_rest_moves_the_status_and_records_each_refund()
    {
        var orderId = await PaidOrderAsync();

        var partial = await RefundAsync(orderId, new { amount = 50.5m, reason = "late start" });
        var rest = await RefundAsync(orderId, new { reason = "changed mind" });

        Assert.Equal(HttpStatusCode.OK, partial.StatusCode);
        var p = await OrdersFixture.JsonAsync(partial);
        Assert.Equal(orderId, p.GetProperty("orderId").GetString());
        Assert.Equal(50.5m, p.GetProperty("refunded").GetDecimal());
        Assert.Equal("partially_refunded", p.GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.OK, rest.StatusCode);
        var r = await OrdersFixture.JsonAsync(rest);
        Assert.Equal(199m, r.GetProperty("refunded").GetDecimal());
        Assert.Equal("refunded", r.GetProperty("status").GetString());
        Assert.Equal(2, await RefundRows(orderId));
        Assert.Equal(1, await RefundRows(orderId, first: true, amount: 5050));
        Assert.Equal(1, await RefundRows(orderId, first: false, amount: 14850));
    }

    [Fact]
    public async Task Refunding_more_than_is_left_is_refused_and_changes_nothing()
    {
        var orderId = await PaidOrderAsync();
        Assert.Equal(HttpStatusCode.OK, (await RefundAsync(orderId, new { amount = 100m })).StatusCode);

        var tooMuch = await RefundAsync(orderId, new { amount = 99.01m });

        Assert.Equal(HttpStatusCode.Conflict, tooMuch.StatusCode);
        var problem = await OrdersFixture.JsonAsync(tooMuch);
        Assert.Equal("refund_exceeds_paid", problem.GetProperty("code").GetString());
        Assert.Equal("Refunding 99.01 would exceed what is left to refund (99.00).", problem.GetProperty("detail").GetString());
        Assert.Equal(10000, await RefundedFen(orderId));
        Assert.Equal(1, await RefundRows(orderId));
        Assert.Equal("partially_refunded", (await OrdersFixture.JsonAsync(await f.Client.GetAsync($"/api/v1/orders/{orderId}"))).GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_fully_refunded_order_has_nothing_left_to_refund()
    {
        var orderId = await PaidOrderAsync();
        var all = await f.Client.PostAsync($"/api/v1/orders/{orderId}/refund", new ByteArrayContent([]));
        Assert.Equal(HttpStatusCode.OK, all.StatusCode);
        Assert.Equal("refunded", (await OrdersFixture.JsonAsync(all)).GetProperty("status").GetString());

        var again = await RefundAsync(orderId, new { });

        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("refund_exceeds_paid", await OrdersFixture.CodeAsync(again));
        Assert.Equal(1, await RefundRows(orderId));
    }

    [Fact]
    public async Task A_free_order_has_nothing_to_refund()
    {
        var orderId = OrdersFixture.NewId("free");
        var created = await f.CreateAsync(new { orderId, customerExternalId = OrdersFixture.Customer, courseExternalId = OrdersFixture.FreeCourse });
        Assert.Equal(0m, (await OrdersFixture.JsonAsync(created)).GetProperty("payable").GetDecimal());

        var refund = await RefundAsync(orderId, new { reason = "none" });

        Assert.Equal(HttpStatusCode.Conflict, refund.StatusCode);
        Assert.Equal("refund_exceeds_paid", await OrdersFixture.CodeAsync(refund));
        Assert.Equal(0, await RefundRows(orderId));
    }

    [Fact]
    public async Task Twenty_simultaneous_refunds_of_a_tenth_each_let_exactly_ten_through()
    {
        var orderId = await PaidOrderAsync();

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(() => RefundAsync(orderId, new { amount = 19.9m }))));

        Assert.Equal(10, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
        Assert.Equal(10, responses.Count(r => r.StatusCode == HttpStatusCode.Conflict));
        Assert.Equal(OrdersFixture.CoursePriceFen, await RefundedFen(orderId));
        Assert.Equal(10, await RefundRows(orderId));
        Assert.Equal(1, await RefundRows(orderId, first: true));
    }

    [Fact]
    public async Task Unknown_orders_are_404_and_bad_amounts_are_400()
    {
        var orderId = await PaidOrderAsync();

        var unknown = await RefundAsync("no-such-order", new { amount = 1m });
        var zero = await RefundAsync(orderId, new { amount = 0m });
        var negative = await RefundAsync(orderId, new { amount = -5m });
        var threePlaces = await RefundAsync(orderId, new { amount = 1.005m });

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        foreach (var bad in new[] { zero, negative, threePlaces })
        {
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
            Assert.True((await OrdersFixture.JsonAsync(bad)).GetProperty("errors").TryGetProperty("amount", out _));
        }
        Assert.Equal(0, await RefundedFen(orderId));
    }
}
