using System.Net;
using System.Net.Http.Json;
using System.Text;

namespace Console.Tests.Orders;

public sealed class CreateOrderTests(OrdersFixture f) : IClassFixture<OrdersFixture>
{
    private Task<long> OrderRows(string orderId) => f.ScalarAsync("SELECT COUNT(*) FROM orders WHERE order_id = @orderId", new { orderId });

    [Fact]
    public async Task A_new_order_is_created_at_list_price_for_a_stub_customer()
    {
        var orderId = OrdersFixture.NewId("o");
        var customer = OrdersFixture.NewId("new-cust");
        var response = await f.CreateAsync(new { orderId, customerExternalId = customer, courseExternalId = OrdersFixture.Course, couponCodes = Array.Empty<string>() });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var json = await OrdersFixture.JsonAsync(response);
        Assert.Equal(orderId, json.GetProperty("orderId").GetString());
        Assert.Equal(199.00m, json.GetProperty("listPrice").GetDecimal());
        Assert.Equal(199.00m, json.GetProperty("payable").GetDecimal());
        Assert.Equal(0, json.GetProperty("discounts").GetArrayLength());
        Assert.Equal("paid", json.GetProperty("status").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, json.GetProperty("groupBuyTeam").ValueKind);
        Assert.Equal(1, await f.ScalarAsync("SELECT is_stub FROM customers WHERE external_id = @customer", new { customer }));
        Assert.Equal(0, await f.ScalarAsync("SELECT rolled_up FROM orders WHERE order_id = @orderId", new { orderId }));
        Assert.Equal(19900, await f.ScalarAsync("SELECT payable FROM orders WHERE order_id = @orderId", new { orderId }));
    }

    [Fact]
    public async Task The_same_order_id_again_answers_200_with_the_stored_order_and_stores_nothing()
    {
        var orderId = OrdersFixture.NewId("o");
        var first = await f.CreateAsync(new { orderId, customerExternalId = OrdersFixture.Customer, courseExternalId = OrdersFixture.Course, channel = "douyin" });
        var again = await f.CreateAsync(new { orderId, customerExternalId = OrdersFixture.Customer, courseExternalId = OrdersFixture.FreeCourse });

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await again.Content.ReadAsStringAsync());
        Assert.Equal(1, await OrderRows(orderId));
    }

    [Fact]
    public async Task Twenty_simultaneous_creates_of_one_order_id_store_one_order()
    {
        var orderId = OrdersFixture.NewId("race");
        var customer = OrdersFixture.NewId("race-cust");
        var body = new { orderId, customerExternalId = customer, courseExternalId = OrdersFixture.Course };
        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(() => f.CreateAsync(body))));

        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        Assert.Equal(19, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
        Assert.Equal(1, await OrderRows(orderId));
        Assert.Equal(1, await f.ScalarAsync("SELECT COUNT(*) FROM customers WHERE external_id = @customer", new { customer }));
    }

    [Fact]
    public async Task Paid_at_with_an_offset_is_stored_in_utc_and_channel_live_session_and_referral_are_kept()
    {
        var orderId = OrdersFixture.NewId("o");
        var response = await f.CreateAsync(new
        {
            orderId, customerExternalId = OrdersFixture.Customer, courseExternalId = OrdersFixture.Course,
            liveSessionExternalId = OrdersFixture.LiveSession, channel = "Douyin", referralCode = "KOL-ANNA", paidAt = "2025-03-01T20:15:00+08:00",
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);

        var order = await OrdersFixture.JsonAsync(await f.Client.GetAsync($"/api/v1/orders/{orderId}"));
        Assert.Equal(new DateTimeOffset(2025, 3, 1, 12, 15, 0, TimeSpan.Zero), order.GetProperty("paidAt").GetDateTimeOffset());
        Assert.Equal("douyin", order.GetProperty("channel").GetString());
        Assert.Equal("KOL-ANNA", order.GetProperty("referralCode").GetString());
        Assert.Equal(OrdersFixture.LiveSession, order.GetProperty("liveSessionExternalId").GetString());
        Assert.Equal(1, await f.ScalarAsync("SELECT COUNT(*) FROM orders WHERE order_id = @orderId AND referral_code = 'KOL-ANNA'", new { orderId }));
    }

    [Fact]
    public async Task Unknown_course_and_unknown_live_session_are_refused_and_nothing_is_stored()
    {
        var orderId = OrdersFixture.NewId("o");
        var customer = OrdersFixture.NewId("cust");
        var noCourse = await f.CreateAsync(new { orderId, customerExternalId = customer, courseExternalId = "no-such-course" });
        var noSession = await f.CreateAsync(new { orderId, customerExternalId = customer, courseExternalId = OrdersFixture.Course, liveSessionExternalId = "no-such-live" });

        Assert.Equal(HttpStatusCode.Conflict, noCourse.StatusCode);
        Assert.Equal("unknown_course", await OrdersFixture.CodeAsync(noCourse));
        Assert.Equal(HttpStatusCode.Conflict, noSession.StatusCode);
        Assert.Equal("unknown_live_session", await OrdersFixture.CodeAsync(noSession));
        Assert.Equal(0, await OrderRows(orderId));
        Assert.Equal(0, await f.ScalarAsync("SELECT COUNT(*) FROM customers WHERE external_id = @customer", new { customer }));
    }

    [Fact]
    public async Task Unknown_coupons_and_group_buy_campaigns_are_refused_and_nothing_is_stored()
    {
        var orderId = OrdersFixture.NewId("o");
        var customer = OrdersFixture.NewId("cust");
        var coupon = await f.CreateAsync(new { orderId, customerExternalId = customer, courseExternalId = OrdersFixture.Course, couponCodes = new[] { "SPRING50" } });
        var groupBuy = await f.CreateAsync(new { orderId, customerExternalId = customer, courseExternalId = OrdersFixture.Course, groupBuy = new { campaignId = 7 } });

        Assert.Equal(HttpStatusCode.Conflict, coupon.StatusCode);
        Assert.Equal("application/problem+json", coupon.Content.Headers.ContentType?.MediaType);
        Assert.Equal("coupon_not_found", await OrdersFixture.CodeAsync(coupon));
        Assert.Equal(HttpStatusCode.Conflict, groupBuy.StatusCode);
        Assert.Equal("campaign_not_active", await OrdersFixture.CodeAsync(groupBuy));
        Assert.Equal(0, await OrderRows(orderId));
        Assert.Equal(0, await f.ScalarAsync("SELECT COUNT(*) FROM customers WHERE external_id = @customer", new { customer }));
    }

    [Fact]
    public async Task Missing_and_invalid_fields_are_400_with_errors_per_field()
    {
        var missing = await f.CreateAsync(new { channel = "Not a word!" });
        var future = await f.CreateAsync(new { orderId = "o-f", customerExternalId = "c", courseExternalId = OrdersFixture.Course, paidAt = DateTimeOffset.UtcNow.AddDays(2).ToString("O") });
        var noOffset = await f.CreateAsync(new { orderId = "o-n", customerExternalId = "c", courseExternalId = OrdersFixture.Course, paidAt = "2025-03-01T20:15:00" });

        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        var errors = (await OrdersFixture.JsonAsync(missing)).GetProperty("errors");
        foreach (var field in new[] { "orderId", "customerExternalId", "courseExternalId", "channel" })
            Assert.True(errors.TryGetProperty(field, out _), field);
        Assert.Equal(HttpStatusCode.BadRequest, future.StatusCode);
        Assert.True((await OrdersFixture.JsonAsync(future)).GetProperty("errors").TryGetProperty("paidAt", out _));
        Assert.Equal(HttpStatusCode.BadRequest, noOffset.StatusCode);
        Assert.True((await OrdersFixture.JsonAsync(noOffset)).GetProperty("errors").TryGetProperty("paidAt", out _));
        Assert.Equal(0, await f.ScalarAsync("SELECT COUNT(*) FROM orders WHERE order_id IN ('o-f', 'o-n')"));
    }

    [Fact]
    public async Task Bad_json_is_400_and_a_missing_key_is_401()
    {
        var badJson = await f.Client.PostAsync("/api/v1/orders", new StringContent("{ \"orderId\": ", Encoding.UTF8, "application/json"));
        using var anonymous = f.App.CreateClient();
        var noKey = await anonymous.PostAsJsonAsync("/api/v1/orders", new { orderId = "o-anon", customerExternalId = "c", courseExternalId = OrdersFixture.Course });
        anonymous.DefaultRequestHeaders.Add("X-Api-Key", "cc_not-a-real-key");
        var badKey = await anonymous.GetAsync("/api/v1/orders/o-anon");

        Assert.Equal(HttpStatusCode.BadRequest, badJson.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, noKey.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, badKey.StatusCode);
        Assert.Equal(0, await OrderRows("o-anon"));
    }
}
