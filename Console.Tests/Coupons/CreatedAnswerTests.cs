using System.Net;

namespace Console.Tests.Coupons;

/// <summary>A created order is answered from what was written; the store, read back by a replay, must say the same.</summary>
public sealed class CreatedAnswerTests(PromoFixture f) : IClassFixture<PromoFixture>
{
    [Fact]
    public async Task A_coupon_order_answers_what_a_replay_reads_from_the_store()
    {
        var (id, codes) = await f.CouponAsync(new() { ["kind"] = "percent_off", ["value"] = 15, ["totalLimit"] = 5 });
        var body = new { orderId = PromoFixture.NewId("answer"), customerExternalId = PromoFixture.NewId("cust"),
            courseExternalId = PromoFixture.Course, couponCodes = new[] { codes[0].ToLowerInvariant() } };

        var created = await f.OrderAsync(body);
        var replay = await f.OrderAsync(body);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
        Assert.Equal(await replay.Content.ReadAsStringAsync(), await created.Content.ReadAsStringAsync());
        var json = await PromoFixture.JsonAsync(created);
        Assert.Equal(169.15m, json.GetProperty("payable").GetDecimal());
        Assert.Equal(codes[0], json.GetProperty("discounts")[0].GetProperty("code").GetString());
        Assert.Equal(1, await f.ScalarAsync("SELECT uses FROM coupon_campaigns WHERE id = @id", new { id }));
    }
}
