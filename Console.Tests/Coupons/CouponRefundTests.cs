using System.Net;
using System.Net.Http.Json;

namespace Console.Tests.Coupons;

public sealed class CouponRefundTests(PromoFixture f) : IClassFixture<PromoFixture>
{
    private async Task<string> OrderWithAsync(string code)
    {
        var orderId = PromoFixture.NewId("o");
        var response = await f.OrderAsync(new { orderId, customerExternalId = PromoFixture.NewId("cu"), courseExternalId = PromoFixture.Course, couponCodes = new[] { code } });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return orderId;
    }

    [Fact]
    public async Task A_full_refund_reverses_the_redemption_and_gives_the_use_back_when_the_campaign_says_so()
    {
        var (id, codes) = await f.CouponAsync(new() { ["kind"] = "amount_off", ["value"] = 10, ["totalLimit"] = 1, ["budget"] = 50, ["returnUseOnRefund"] = true });
        var orderId = await OrderWithAsync(codes[0]);
        Assert.Equal("coupon_exhausted", await PromoFixture.CodeAsync(await f.OrderAsync(PromoFixture.NewId("cu"), PromoFixture.Course, codes[0])));

        Assert.Equal(HttpStatusCode.OK, (await f.Ingest.PostAsJsonAsync($"/api/v1/orders/{orderId}/refund", new { })).StatusCode);

        Assert.Equal(1, await f.ScalarAsync("SELECT COUNT(*) FROM coupon_redemptions WHERE campaign_id = @id AND reversed_at IS NOT NULL AND use_returned = 1", new { id }));
        Assert.Equal(0, await f.ScalarAsync("SELECT uses FROM coupon_campaigns WHERE id = @id", new { id }));
        Assert.Equal(0, await f.ScalarAsync("SELECT budget_used FROM coupon_campaigns WHERE id = @id", new { id }));
        await OrderWithAsync(codes[0]);
    }

    [Fact]
    public async Task A_full_refund_records_the_reversal_but_keeps_the_use_by_default_and_a_partial_refund_changes_nothing()
    {
        var (id, codes) = await f.CouponAsync(new() { ["kind"] = "amount_off", ["value"] = 10, ["totalLimit"] = 1 });
        var orderId = await OrderWithAsync(codes[0]);

        await f.Ingest.PostAsJsonAsync($"/api/v1/orders/{orderId}/refund", new { amount = 50 });
        Assert.Equal(0, await f.ScalarAsync("SELECT COUNT(*) FROM coupon_redemptions WHERE campaign_id = @id AND reversed_at IS NOT NULL", new { id }));
        await f.Ingest.PostAsJsonAsync($"/api/v1/orders/{orderId}/refund", new { });

        Assert.Equal(1, await f.ScalarAsync("SELECT COUNT(*) FROM coupon_redemptions WHERE campaign_id = @id AND reversed_at IS NOT NULL AND use_returned = 0", new { id }));
        Assert.Equal(1, await f.ScalarAsync("SELECT uses FROM coupon_campaigns WHERE id = @id", new { id }));
        Assert.Equal("coupon_exhausted", await PromoFixture.CodeAsync(await f.OrderAsync(PromoFixture.NewId("cu"), PromoFixture.Course, codes[0])));
        var campaign = await PromoFixture.JsonAsync(await f.Manage.GetAsync($"/api/v1/coupon-campaigns/{id}"));
        Assert.Equal(0m, campaign.GetProperty("discountGiven").GetDecimal());
        Assert.Equal(0m, campaign.GetProperty("revenue").GetDecimal());
    }
}
