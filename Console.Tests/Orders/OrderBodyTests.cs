using System.Net;
using System.Net.Http.Json;
using Console.Tests.Coupons;

namespace Console.Tests.Orders;

/// <summary>An order body that is refused while it is read stores nothing and redeems nothing.</summary>
public sealed class OrderBodyTests(PromoFixture f) : IClassFixture<PromoFixture>
{
    private Task<long> Orders(string orderId) => f.ScalarAsync("SELECT COUNT(*) FROM orders WHERE order_id = @orderId", new { orderId });

    [Fact]
    public async Task A_guessed_field_name_is_refused_and_charges_nothing()
    {
        var (_, codes) = await f.CouponAsync(new() { ["kind"] = "amount_off", ["value"] = 20m });
        var orderId = PromoFixture.NewId("o");

        using var response = await f.OrderAsync(new { orderId, customerExternalId = PromoFixture.Customer, courseExternalId = PromoFixture.Course,
            couponCode = codes[0] });

        Assert.Equal(["Unknown field; did you mean 'couponCodes'?"], await ProblemAssert.FieldAsync(response, "couponCode"));
        Assert.Equal(0, await Orders(orderId));
    }

    [Fact]
    public async Task Text_that_is_not_unicode_is_400_and_stores_nothing()
    {
        var orderId = PromoFixture.NewId("o");
        using var surrogate = await f.Ingest.PostJsonAsync("/api/v1/orders",
            $$"""{"orderId":"{{orderId}}","customerExternalId":"{{PromoFixture.Customer}}","courseExternalId":"{{PromoFixture.Course}}","channel":"live\udfff"}""");
        Assert.Equal(["Is not valid Unicode text."], await ProblemAssert.FieldAsync(surrogate, "channel"));

        using var bytes = await f.Ingest.PostAsync("/api/v1/orders", ProblemAssert.BadBytes(
            $$"""{"orderId":"{{orderId}}","customerExternalId":"{{PromoFixture.Customer}}","courseExternalId":"{{PromoFixture.Course}}","referralCode":"#"}"""));
        Assert.Equal(["Is not valid Unicode text."], await ProblemAssert.FieldAsync(bytes, "referralCode"));
        Assert.Equal(0, await Orders(orderId));
    }

    [Fact]
    public async Task A_refund_past_any_amount_is_400_and_refunds_nothing()
    {
        var orderId = PromoFixture.NewId("o");
        using var created = await f.OrderAsync(new { orderId, customerExternalId = PromoFixture.Customer, courseExternalId = PromoFixture.Course });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        foreach (var amount in new[] { "1e28", "1e400", "79228162514264337593543950335", "\"all\"" })
        {
            using var refund = await f.Ingest.PostJsonAsync($"/api/v1/orders/{orderId}/refund", $$"""{"amount":{{amount}}}""");
            await ProblemAssert.FieldAsync(refund, "amount");
        }
        using var typo = await f.Ingest.PostAsJsonAsync($"/api/v1/orders/{orderId}/refund", new { ammount = 10m });
        await ProblemAssert.FieldAsync(typo, "ammount", "Unknown field; did you mean 'amount'?");
        Assert.Equal(0, await f.ScalarAsync("SELECT refunded FROM orders WHERE order_id = @orderId", new { orderId }));
    }

    [Fact]
    public async Task A_misnamed_team_field_is_named_by_its_path()
    {
        var campaign = await f.GroupBuyAsync(new() { ["teamSize"] = 2, ["groupPrice"] = 99m, ["teamWindowMinutes"] = 60 });
        var orderId = PromoFixture.NewId("o");
        using var response = await f.OrderAsync(new { orderId, customerExternalId = PromoFixture.Customer, courseExternalId = PromoFixture.Course,
            groupBuy = new { campaignId = campaign, team = 7 } });

        await ProblemAssert.FieldAsync(response, "groupBuy.team", "Unknown field; did you mean 'teamId'?");
        Assert.Equal(0, await Orders(orderId));
    }
}
