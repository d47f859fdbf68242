using System.Net;

namespace Console.Tests.Coupons;

/// <summary>Limits that hold when many orders race for the last uses of a coupon, through the real HTTP pipeline.</summary>
public sealed class CouponLimitTests(PromoFixture f) : IClassFixture<PromoFixture>
{
    private async Task<HttpResponseMessage[]> RaceAsync(int count, Func<int, string> customer, string code) =>
        await Task.WhenAll(Enumerable.Range(0, count).Select(i => Task.Run(() => f.OrderAsync(customer(i), PromoFixture.Course, code))));

    private static async Task<int> RefusedWithAsync(IEnumerable<HttpResponseMessage> responses, string code)
    {
        var n = 0;
        foreach (var r in responses)
            if (r.StatusCode == HttpStatusCode.Conflict && await PromoFixture.CodeAsync(r) == code) n++;
        return n;
    }

    [Fact]
    public async Task Two_hundred_concurrent_orders_against_a_total_limit_of_50_let_exactly_50_through()
    {
        var (id, codes) = await f.CouponAsync(new() { ["kind"] = "amount_off", ["value"] = 10, ["totalLimit"] = 50 });
        var prefix = PromoFixture.NewId("total");

        var responses = await RaceAsync(200, i => $"{prefix}-{i}", codes[0]);

        Assert.Equal(50, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        Assert.Equal(150, await RefusedWithAsync(responses, "coupon_exhausted"));
        Assert.Equal(50, await f.ScalarAsync("SELECT uses FROM coupon_campaigns WHERE id = @id", new { id }));
        Assert.Equal(50, await f.ScalarAsync("SELECT COUNT(*) FROM coupon_redemptions WHERE campaign_id = @id", new { id }));
        Assert.Equal(50, await f.ScalarAsync("SELECT COUNT(*) FROM order_discounts WHERE campaign_id = @id AND kind = 'coupon'", new { id }));
        Assert.Equal(50, await f.ScalarAsync("SELECT COUNT(*) FROM customers WHERE external_id LIKE @p", new { p = prefix + "-%" }));
    }

    [Fact]
    public async Task Concurrent_orders_of_one_customer_stop_at_the_per_customer_limit()
    {
        var (id, codes) = await f.CouponAsync(new() { ["kind"] = "percent_off", ["value"] = 20, ["perCustomerLimit"] = 3 });
        var customer = PromoFixture.NewId("greedy");

        var responses = await RaceAsync(40, _ => customer, codes[0]);

        Assert.Equal(3, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        Assert.Equal(37, await RefusedWithAsync(responses, "customer_limit_reached"));
        Assert.Equal(3, await f.ScalarAsync("SELECT COUNT(*) FROM coupon_redemptions WHERE campaign_id = @id", new { id }));
        Assert.Equal(HttpStatusCode.Created, (await f.OrderAsync(PromoFixture.NewId("other"), PromoFixture.Course, codes[0])).StatusCode);
    }

    [Fact]
    public async Task Concurrent_orders_stop_when_the_money_budget_is_spent()
    {
        // 15.00 off each order with a budget of 100.00: six orders fit (90.00), a seventh would pass the budget.
        var (id, codes) = await f.CouponAsync(new() { ["kind"] = "amount_off", ["value"] = 15, ["budget"] = 100 });
        var prefix = PromoFixture.NewId("budget");

        var responses = await RaceAsync(60, i => $"{prefix}-{i}", codes[0]);

        Assert.Equal(6, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        Assert.Equal(54, await RefusedWithAsync(responses, "coupon_exhausted"));
        Assert.Equal(90_00, await f.ScalarAsync("SELECT budget_used FROM coupon_campaigns WHERE id = @id", new { id }));
        Assert.Equal(90_00, await f.ScalarAsync("SELECT SUM(amount) FROM coupon_redemptions WHERE campaign_id = @id", new { id }));
    }

    [Fact]
    public async Task A_unique_code_is_good_for_one_order_even_when_raced()
    {
        var (id, codes) = await f.CouponAsync(new() { ["kind"] = "amount_off", ["value"] = 5, ["generateCodes"] = 2 });
        var prefix = PromoFixture.NewId("uniq");

        var responses = await RaceAsync(20, i => $"{prefix}-{i}", codes[0]);

        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        Assert.Equal(19, await RefusedWithAsync(responses, "coupon_exhausted"));
        Assert.Equal(HttpStatusCode.Created, (await f.OrderAsync(PromoFixture.NewId("cu"), PromoFixture.Course, codes[1])).StatusCode);
        Assert.Equal(2, await f.ScalarAsync("SELECT uses FROM coupon_campaigns WHERE id = @id", new { id }));
    }

    [Fact]
    public async Task Orders_sharing_a_commit_with_a_lost_unique_code_race_are_all_stored()
    {
        // Checkouts queued together share one commit; a unique code lost after its campaign's use was claimed makes the
        // writer drop that commit and write the group again, and every other order in it must still be stored once.
        var (id, codes) = await f.CouponAsync(new() { ["kind"] = "amount_off", ["value"] = 5, ["generateCodes"] = 1 });
        var prefix = PromoFixture.NewId("mixed");

        var racers = Enumerable.Range(0, 20).Select(i => Task.Run(() => f.OrderAsync($"{prefix}-u{i}", PromoFixture.Course, codes[0])));
        var plain = Enumerable.Range(0, 40).Select(i => Task.Run(() => f.OrderAsync($"{prefix}-p{i}", PromoFixture.Course)));
        var unique = await Task.WhenAll(racers);
        var others = await Task.WhenAll(plain);

        Assert.All(others, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        Assert.Equal(1, unique.Count(r => r.StatusCode == HttpStatusCode.Created));
        Assert.Equal(19, await RefusedWithAsync(unique, "coupon_exhausted"));
        Assert.Equal(1, await f.ScalarAsync("SELECT uses FROM coupon_campaigns WHERE id = @id", new { id }));
        Assert.Equal(41, await f.ScalarAsync("SELECT COUNT(*) FROM orders o JOIN customers c ON c.id = o.customer_id WHERE c.external_id LIKE @p",
            new { p = prefix + "-%" }));
        Assert.Equal(41, await f.ScalarAsync("SELECT COUNT(*) FROM customers WHERE external_id LIKE @p", new { p = prefix + "-%" }));
    }

    [Fact]
    public async Task Replaying_an_order_id_never_redeems_twice_even_when_raced()
    {
        var (id, codes) = await f.CouponAsync(new() { ["kind"] = "amount_off", ["value"] = 10, ["totalLimit"] = 1 });
        var body = new { orderId = PromoFixture.NewId("replay"), customerExternalId = PromoFixture.NewId("cu"), courseExternalId = PromoFixture.Course, couponCodes = codes };

        var responses = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => Task.Run(() => f.OrderAsync(body))));

        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        Assert.Equal(9, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
        Assert.All(responses, r => Assert.Contains("\"payable\":189", r.Content.ReadAsStringAsync().Result));
        Assert.Equal(1, await f.ScalarAsync("SELECT uses FROM coupon_campaigns WHERE id = @id", new { id }));
        Assert.Equal(1, await f.ScalarAsync("SELECT COUNT(*) FROM coupon_redemptions WHERE campaign_id = @id", new { id }));
    }
}
