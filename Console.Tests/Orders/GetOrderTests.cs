using System.Net;
using Console.Domain.Admin;

namespace Console.Tests.Orders;

public sealed class GetOrderTests(OrdersFixture f) : IClassFixture<OrdersFixture>
{
    [Fact]
    public async Task An_order_is_read_back_with_every_field()
    {
        var orderId = OrdersFixture.NewId("o");
        Assert.Equal(HttpStatusCode.Created, (await f.CreateAsync(new
        {
            orderId, customerExternalId = OrdersFixture.Customer, courseExternalId = OrdersFixture.Course, paidAt = "2025-05-04T03:02:01Z",
        })).StatusCode);

        var response = await f.Client.GetAsync($"/api/v1/orders/{orderId}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var o = await OrdersFixture.JsonAsync(response);
        Assert.Equal(orderId, o.GetProperty("orderId").GetString());
        Assert.Equal(OrdersFixture.Customer, o.GetProperty("customerExternalId").GetString());
        Assert.Equal(OrdersFixture.Course, o.GetProperty("courseExternalId").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, o.GetProperty("liveSessionExternalId").ValueKind);
        Assert.Equal("storefront", o.GetProperty("channel").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, o.GetProperty("referralCode").ValueKind);
        Assert.Equal(199m, o.GetProperty("listPrice").GetDecimal());
        Assert.Equal(0, o.GetProperty("discounts").GetArrayLength());
        Assert.Equal(199m, o.GetProperty("payable").GetDecimal());
        Assert.Equal(0m, o.GetProperty("refunded").GetDecimal());
        Assert.Equal("paid", o.GetProperty("status").GetString());
        Assert.Equal("2025-05-04T03:02:01+00:00", o.GetProperty("paidAt").GetString());
    }

    [Fact]
    public async Task An_unknown_order_is_a_404_problem()
    {
        var response = await f.Client.GetAsync("/api/v1/orders/no-such-order");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_manage_key_may_read_orders_too()
    {
        using var manage = await f.App.ClientWithKeyAsync(ApiKeyScope.Manage);

        var response = await manage.GetAsync("/api/v1/orders/no-such-order");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task The_openapi_document_lists_every_order_endpoint()
    {
        var document = await f.Client.GetStringAsync("/openapi/v1.json");

        foreach (var path in new[] { "/api/v1/orders", "/api/v1/orders/quote", "/api/v1/orders/{orderId}", "/api/v1/orders/{orderId}/refund" })
            Assert.Contains($"\"{path}\"", document);
    }
}
