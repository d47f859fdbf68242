using System.Net;
using System.Net.Http.Json;

namespace Console.Tests.Orders;

public sealed class QuoteOrderTests(OrdersFixture f) : IClassFixture<OrdersFixture>
{
    private Task<HttpResponseMessage> QuoteAsync(object body) => f.Client.PostAsJsonAsync("/api/v1/orders/quote", body);

    private Task<long> Rows() => f.ScalarAsync(
        "SELECT (SELECT COUNT(*) FROM customers) + (SELECT COUNT(*) FROM orders) + (SELECT COUNT(*) FROM order_discounts)");

    [Fact]
    public async Task A_quote_with_unknown_coupons_prices_at_list_price_lists_them_as_rejected_and_stores_nothing()
    {
        var before = await Rows();
        var customer = OrdersFixture.NewId("quote-cust");

        var response = await QuoteAsync(new { customerExternalId = customer, courseExternalId = OrdersFixture.Course, couponCodes = new[] { "SPRING50", "VIP" } });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var q = await OrdersFixture.JsonAsync(response);
        Assert.Equal(199m, q.GetProperty("listPrice").GetDecimal());
        Assert.Equal(199m, q.GetProperty("payable").GetDecimal());
        Assert.Equal(0, q.GetProperty("discounts").GetArrayLength());
        var rejected = q.GetProperty("rejectedCoupons").EnumerateArray().ToList();
        Assert.Equal(["SPRING50", "VIP"], rejected.Select(r => r.GetProperty("code").GetString()));
        Assert.All(rejected, r => Assert.Equal("coupon_not_found", r.GetProperty("reason").GetString()));
        Assert.Equal(before, await Rows());
        Assert.Equal(0, await f.ScalarAsync("SELECT COUNT(*) FROM customers WHERE external_id = @customer", new { customer }));
    }

    [Fact]
    public async Task A_quote_for_an_unknown_group_buy_campaign_is_refused_and_an_unknown_course_too()
    {
        var groupBuy = await QuoteAsync(new { customerExternalId = OrdersFixture.Customer, courseExternalId = OrdersFixture.Course, groupBuy = new { campaignId = 3, teamId = 9 } });
        var unknown = await QuoteAsync(new { customerExternalId = OrdersFixture.Customer, courseExternalId = "no-such-course" });
        var missing = await QuoteAsync(new { courseExternalId = OrdersFixture.Course });

        Assert.Equal(HttpStatusCode.Conflict, groupBuy.StatusCode);
        Assert.Equal("campaign_not_active", await OrdersFixture.CodeAsync(groupBuy));
        Assert.Equal(HttpStatusCode.Conflict, unknown.StatusCode);
        Assert.Equal("unknown_course", await OrdersFixture.CodeAsync(unknown));
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.True((await OrdersFixture.JsonAsync(missing)).GetProperty("errors").TryGetProperty("customerExternalId", out _));
    }
}
