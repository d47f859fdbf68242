using System.Net;
using System.Net.Http.Json;

namespace Console.Tests.Coupons;

public sealed class ValidateAndQuoteTests(PromoFixture f) : IClassFixture<PromoFixture>
{
    private Task<long> Rows() => f.ScalarAsync(
        """
        SELECT (SELECT COUNT(*) FROM orders) + (SELECT COUNT(*) FROM order_discounts) + (SELECT COUNT(*) FROM coupon_redemptions)
             + (SELECT COUNT(*) FROM customers) + (SELECT SUM(uses) + SUM(budget_used) FROM coupon_campaigns)
             + (SELECT COUNT(*) FROM group_buy_teams) + (SELECT COALESCE(SUM(uses), 0) FROM coupon_codes)
        """);

    [Fact]
    public async Task Validate_and_quote_price_coupons_and_group_buys_without_side_effects()
    {
        var customer = PromoFixture.NewId("new");
        var (_, percent) = await f.CouponAsync(new() { ["kind"] = "percent_off", ["value"] = 15, ["stackable"] = true, ["priority"] = 1, ["totalLimit"] = 1 });
        var (_, amount) = await f.CouponAsync(new() { ["kind"] = "amount_off", ["value"] = 10, ["stackable"] = true, ["budget"] = 10 });
        var campaign = await f.GroupBuyAsync(new() { ["teamSize"] = 2, ["groupPrice"] = 149, ["leaderPrice"] = 139, ["teamWindowMinutes"] = 60 });
        var before = await Rows();

        for (var i = 0; i < 3; i++)
        {
            var validation = await PromoFixture.JsonAsync(await f.Ingest.PostAsJsonAsync("/api/v1/coupons/validate",
                new { code = percent[0].ToLowerInvariant(), customerExternalId = customer, courseExternalId = PromoFixture.Course }));
            Assert.True(validation.GetProperty("valid").GetBoolean());
            Assert.Equal(29.85m, validation.GetProperty("discount").GetDecimal());
            Assert.Equal(169.15m, validation.GetProperty("payable").GetDecimal());

            var quote = await f.Ingest.PostAsJsonAsync("/api/v1/orders/quote", new
            {
                customerExternalId = customer, courseExternalId = PromoFixture.Course, couponCodes = new[] { amount[0], percent[0], "NOPE" },
                groupBuy = new { campaignId = campaign },
            });
            Assert.Equal(HttpStatusCode.OK, quote.StatusCode);
            var q = await PromoFixture.JsonAsync(quote);
            // Leader price 139.00, then 15% (priority 1) = 20.85, then 10.00: 108.15.
            Assert.Equal(["group_buy", "coupon", "coupon"], q.GetProperty("discounts").EnumerateArray().Select(d => d.GetProperty("kind").GetString()));
            Assert.Equal([60m, 20.85m, 10m], q.GetProperty("discounts").EnumerateArray().Select(d => d.GetProperty("amount").GetDecimal()));
            Assert.Equal(108.15m, q.GetProperty("payable").GetDecimal());
            Assert.Equal("coupon_not_found", Assert.Single(q.GetProperty("rejectedCoupons").EnumerateArray()).GetProperty("reason").GetString());
        }
        Assert.Equal(before, await Rows());
    }

    [Fact]
    public async Task Validate_answers_400_for_missing_fields_409_for_an_unknown_course_and_needs_a_key()
    {
        var missing = await f.Ingest.PostAsJsonAsync("/api/v1/coupons/validate", new { code = "X" });
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        var unknown = await f.Ingest.PostAsJsonAsync("/api/v1/coupons/validate", new { code = "X", customerExternalId = "c", courseExternalId = "nope" });
        Assert.Equal("unknown_course", await PromoFixture.CodeAsync(unknown));
        using var anonymous = f.App.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync("/api/v1/coupons/validate", new { code = "X" })).StatusCode);
    }

    [Fact]
    public async Task A_fixed_price_coupon_sets_the_price_and_an_order_records_the_discount()
    {
        var (id, codes) = await f.CouponAsync(new() { ["kind"] = "fixed_price", ["value"] = 9.9m, ["courseExternalIds"] = new[] { PromoFixture.Course } });
        var response = await f.OrderAsync(PromoFixture.NewId("cu"), PromoFixture.Course, codes[0]);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var order = await PromoFixture.JsonAsync(response);
        Assert.Equal(9.9m, order.GetProperty("payable").GetDecimal());
        Assert.Equal(codes[0], order.GetProperty("discounts")[0].GetProperty("code").GetString());
        Assert.Equal(189_10, await f.ScalarAsync("SELECT amount FROM coupon_redemptions WHERE campaign_id = @id", new { id }));
    }
}
