using System.Net;
using System.Net.Http.Json;

namespace Console.Tests.Coupons;

/// <summary>A live_claimers campaign admits the customers who claimed its own code, or claimed in its session without a code.</summary>
public sealed class LiveClaimCodeTests(PromoFixture f) : IClassFixture<PromoFixture>
{
    private async Task<string> PushAsync() => (await f.CouponAsync(new()
    {
        ["kind"] = "amount_off", ["value"] = 30, ["audience"] = "live_claimers", ["liveSessionExternalId"] = PromoFixture.LiveSession,
    })).Codes[0];

    private async Task ClaimAsync(string customer, string? code)
    {
        var response = await f.Ingest.PostAsJsonAsync("/api/v1/events", new[]
        {
            new
            {
                eventId = PromoFixture.NewId("e"), customerExternalId = customer, type = "coupon_claim",
                occurredAt = DateTimeOffset.UtcNow.AddMinutes(-2).ToString("O"), liveSessionExternalId = PromoFixture.LiveSession,
                couponCode = code,
            },
        });
        var body = await PromoFixture.JsonAsync(response);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(1, body.GetProperty("accepted").GetInt32());
    }

    private async Task<string?> RefusalAsync(string code, string customer)
    {
        var json = await PromoFixture.JsonAsync(await f.Ingest.PostAsJsonAsync("/api/v1/coupons/validate",
            new { code, customerExternalId = customer, courseExternalId = PromoFixture.Course }));
        return json.GetProperty("valid").GetBoolean() ? null : json.GetProperty("reason").GetString();
    }

    [Fact]
    public async Task A_claim_naming_a_code_counts_for_that_codes_campaign_only()
    {
        var (first, second) = (await PushAsync(), await PushAsync());
        var fan = PromoFixture.NewId("fan");
        await ClaimAsync(fan, first);

        Assert.Null(await RefusalAsync(first, fan));
        Assert.Equal("audience_not_eligible", await RefusalAsync(second, fan));
        var order = await f.OrderAsync(fan, PromoFixture.Course, second);
        Assert.Equal(HttpStatusCode.Conflict, order.StatusCode);
        Assert.Equal("audience_not_eligible", await PromoFixture.CodeAsync(order));
        Assert.Equal(HttpStatusCode.Created, (await f.OrderAsync(fan, PromoFixture.Course, first)).StatusCode);
    }

    [Fact]
    public async Task A_claim_without_a_code_counts_for_every_claimers_campaign_of_its_session()
    {
        var (first, second) = (await PushAsync(), await PushAsync());
        var fan = PromoFixture.NewId("fan");
        var stranger = PromoFixture.NewId("cu");
        await ClaimAsync(fan, null);

        Assert.Null(await RefusalAsync(first, fan));
        Assert.Null(await RefusalAsync(second, fan));
        Assert.Equal("audience_not_eligible", await RefusalAsync(first, stranger));
    }
}
