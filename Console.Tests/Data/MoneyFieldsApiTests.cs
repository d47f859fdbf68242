using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Console.Tests.Coupons;

namespace Console.Tests.Data;

/// <summary>Every money field of the API holds 0 to Business:MaxAmount (default 100,000,000.00) with at most two decimals.</summary>
public sealed class MoneyFieldsApiTests(PromoFixture f) : IClassFixture<PromoFixture>
{
    private const string OutOfRange = "Must be between 0 and 100000000.";
    private const string TooPrecise = "At most 2 decimal places.";

    private static async Task<Dictionary<string, string[]>> ErrorsAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var json = await PromoFixture.JsonAsync(response);
        return json.GetProperty("errors").EnumerateObject()
            .ToDictionary(p => p.Name, p => p.Value.EnumerateArray().Select(m => m.GetString()!).ToArray());
    }

    [Fact]
    public async Task A_course_price_past_the_bound_or_with_three_decimals_rejects_that_item_and_stores_the_rest()
    {
        var ids = Enumerable.Range(0, 6).Select(_ => PromoFixture.NewId("course")).ToArray();
        var response = await f.Ingest.PostAsJsonAsync("/api/v1/courses", new object[]
        {
            new { externalId = ids[0], title = "Top price", listPrice = 100_000_000.00m },
            new { externalId = ids[1], title = "Wraps a long", listPrice = 92233720368547758.07m },
            new { externalId = ids[2], title = "One fen over", listPrice = 100_000_000.01m },
            new { externalId = ids[3], title = "Three decimals", listPrice = 1.005m },
            new { externalId = ids[4], title = "Negative", listPrice = -0.01m },
            new { externalId = ids[5], title = "Free", listPrice = 0m },
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await PromoFixture.JsonAsync(response);
        Assert.Equal(2, body.GetProperty("upserted").GetInt32());
        var rejected = body.GetProperty("rejected").EnumerateArray().ToList();
        Assert.Equal([1, 2, 3, 4], rejected.Select(r => r.GetProperty("index").GetInt32()));
        Assert.All(rejected, r => Assert.Equal("invalid_list_price", r.GetProperty("error").GetString()));
        Assert.Contains("100000000", rejected[0].GetProperty("message").GetString());
        Assert.Equal(10_000_000_000, await f.ScalarAsync("SELECT list_price FROM courses WHERE external_id = @id", new { id = ids[0] }));
        Assert.Equal(0, await f.ScalarAsync("SELECT list_price FROM courses WHERE external_id = @id", new { id = ids[5] }));
        Assert.Equal(0, await f.ScalarAsync("SELECT COUNT(*) FROM courses WHERE external_id IN @ids", new { ids = ids[1..5] }));
    }

    [Fact]
    public async Task Coupon_campaign_money_fields_past_the_bound_are_400_naming_each_field_and_store_nothing()
    {
        var before = await f.ScalarAsync("SELECT COUNT(*) FROM coupon_campaigns");
        var post = (object body) => f.Manage.PostAsJsonAsync("/api/v1/coupon-campaigns", body);

        var errors = await ErrorsAsync(await post(new
        {
            name = "Too much", kind = "amount_off", value = 100_000_000.01m, minSpend = 123_456_789_012m,
            maxDiscount = 100_000_000.01m, budget = 9_999_999_999_999m,
        }));
        Assert.Equal(["budget", "maxDiscount", "minSpend", "value"], errors.Keys.Order());
        Assert.All(errors.Values, messages => Assert.Equal([OutOfRange], messages));

        errors = await ErrorsAsync(await post(new { name = "Fixed", kind = "fixed_price", value = 92233720368547758.07m }));
        Assert.Equal([OutOfRange], errors["value"]);
        errors = await ErrorsAsync(await post(new { name = "Fen and a bit", kind = "amount_off", value = 0.005m, budget = 10.001m }));
        Assert.Equal([TooPrecise], errors["value"]);
        Assert.Equal([TooPrecise], errors["budget"]);
        Assert.Equal(before, await f.ScalarAsync("SELECT COUNT(*) FROM coupon_campaigns"));

        // The bound itself is allowed, and a change past it is refused like a create.
        var (id, _) = await f.CouponAsync(new() { ["kind"] = "amount_off", ["value"] = 5, ["budget"] = 100_000_000m, ["minSpend"] = 100_000_000m });
        errors = await ErrorsAsync(await f.Manage.PatchAsJsonAsync($"/api/v1/coupon-campaigns/{id}", new { budget = 100_000_000.01m }));
        Assert.Equal(["budget"], errors.Keys);
        var stored = await PromoFixture.JsonAsync(await f.Manage.GetAsync($"/api/v1/coupon-campaigns/{id}"));
        Assert.Equal(100_000_000m, stored.GetProperty("budget").GetDecimal());
    }

    [Fact]
    public async Task Group_buy_prices_past_the_bound_or_too_precise_are_400_naming_the_field()
    {
        var before = await f.ScalarAsync("SELECT COUNT(*) FROM group_buy_campaigns");
        var post = (object body) => f.Manage.PostAsJsonAsync("/api/v1/group-buy-campaigns", body);

        var errors = await ErrorsAsync(await post(new
        {
            name = "Huge", courseExternalId = PromoFixture.Course, teamSize = 2, groupPrice = 92233720368547758.07m, teamWindowMinutes = 60,
        }));
        Assert.Equal(["groupPrice"], errors.Keys);
        Assert.Equal([OutOfRange], errors["groupPrice"]);
        errors = await ErrorsAsync(await post(new
        {
            name = "Precise", courseExternalId = PromoFixture.Course, teamSize = 2, groupPrice = 99m, leaderPrice = 89.999m, teamWindowMinutes = 60,
        }));
        Assert.Equal(["leaderPrice"], errors.Keys);
        Assert.Equal([TooPrecise], errors["leaderPrice"]);
        Assert.Equal(before, await f.ScalarAsync("SELECT COUNT(*) FROM group_buy_campaigns"));
    }

    [Fact]
    public async Task A_refund_amount_past_the_bound_or_too_precise_is_400_and_refunds_nothing()
    {
        var orderId = PromoFixture.NewId("o");
        Assert.Equal(HttpStatusCode.Created, (await f.OrderAsync(new
            { orderId, customerExternalId = PromoFixture.Customer, courseExternalId = PromoFixture.Course })).StatusCode);

        foreach (var amount in new[] { 92233720368547758.07m, 100_000_000.01m, 0.001m, -1m })
        {
            var errors = await ErrorsAsync(await f.Ingest.PostAsJsonAsync($"/api/v1/orders/{orderId}/refund", new { amount }));
            Assert.Equal(["amount"], errors.Keys);
        }
        Assert.Equal(0, await f.ScalarAsync(
            "SELECT COUNT(*) FROM refunds r JOIN orders o ON o.id = r.order_id WHERE o.order_id = @orderId", new { orderId }));
        Assert.Equal(0, await f.ScalarAsync("SELECT refunded FROM orders WHERE order_id = @orderId", new { orderId }));
    }

    [Fact]
    public async Task Campaign_figures_over_top_price_orders_read_back_exactly()
    {
        var course = PromoFixture.NewId("course");
        Assert.Equal(HttpStatusCode.OK, (await f.Ingest.PostAsJsonAsync("/api/v1/courses",
            new[] { new { externalId = course, title = "Top price", listPrice = 100_000_000m } })).StatusCode);
        var (id, codes) = await f.CouponAsync(new()
        {
            ["kind"] = "amount_off", ["value"] = 0.01m, ["budget"] = 100_000_000m, ["returnUseOnRefund"] = true,
        });
        var orders = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var response = await f.OrderAsync(PromoFixture.NewId("cu"), course, codes[0]);
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            orders.Add((await PromoFixture.JsonAsync(response)).GetProperty("orderId").GetString()!);
        }
        Assert.Equal(HttpStatusCode.OK, (await f.Ingest.PostAsJsonAsync($"/api/v1/orders/{orders[0]}/refund", new { amount = 99_999_999.99m })).StatusCode);

        var campaign = await f.Manage.GetAsync($"/api/v1/coupon-campaigns/{id}");
        Assert.Equal(HttpStatusCode.OK, campaign.StatusCode);
        var c = await PromoFixture.JsonAsync(campaign);
        // The order refunded in full gave its use and its fen of discount back.
        Assert.Equal(2, c.GetProperty("uses").GetInt64());
        Assert.Equal(0.02m, c.GetProperty("discountGiven").GetDecimal());
        Assert.Equal(0.02m, c.GetProperty("budgetUsed").GetDecimal());
        Assert.Equal(199_999_999.98m, c.GetProperty("revenue").GetDecimal());
    }
}
