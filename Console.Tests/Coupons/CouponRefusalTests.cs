using System.Net;
using System.Net.Http.Json;
using Console.Domain.Data;
using Console.Domain.Events;

namespace Console.Tests.Coupons;

/// <summary>Every coupon refusal code of API.md, as validate reports it and as an order is refused with it (nothing stored).</summary>
public sealed class CouponRefusalTests(PromoFixture f) : IClassFixture<PromoFixture>
{
    private Task<HttpResponseMessage> ValidateAsync(string code, string customer, string course = PromoFixture.Course) =>
        f.Ingest.PostAsJsonAsync("/api/v1/coupons/validate", new { code, customerExternalId = customer, courseExternalId = course });

    private Task<long> Rows() => f.ScalarAsync(
        "SELECT (SELECT COUNT(*) FROM orders) + (SELECT COUNT(*) FROM coupon_redemptions) + (SELECT COUNT(*) FROM customers) + (SELECT SUM(uses) FROM coupon_campaigns)");

    private async Task AssertRefusedAsync(string reason, string code, string customer, string course = PromoFixture.Course)
    {
        var validation = await PromoFixture.JsonAsync(await ValidateAsync(code, customer, course));
        Assert.False(validation.GetProperty("valid").GetBoolean());
        Assert.Equal(reason, validation.GetProperty("reason").GetString());

        var before = await Rows();
        var order = await f.OrderAsync(customer, course, code);
        Assert.Equal(HttpStatusCode.Conflict, order.StatusCode);
        Assert.Equal(reason, await PromoFixture.CodeAsync(order));
        Assert.Equal(before, await Rows());
    }

    private async Task<string> CodeOfAsync(Dictionary<string, object?> body) => (await f.CouponAsync(body)).Codes[0];

    [Fact]
    public async Task Unknown_draft_not_started_expired_ended_and_paused_codes_are_refused()
    {
        var customer = PromoFixture.NewId("cu");
        await AssertRefusedAsync("coupon_not_found", "NO-SUCH-CODE", customer);
        await AssertRefusedAsync("coupon_not_found", await CodeOfAsync(new() { ["kind"] = "amount_off", ["value"] = 1, ["status"] = "draft" }), customer);
        await AssertRefusedAsync("coupon_not_started", await CodeOfAsync(new()
            { ["kind"] = "amount_off", ["value"] = 1, ["startsAt"] = DateTimeOffset.UtcNow.AddDays(1).ToString("O") }), customer);
        await AssertRefusedAsync("coupon_expired", await CodeOfAsync(new()
            { ["kind"] = "amount_off", ["value"] = 1, ["startsAt"] = "2020-01-01T00:00:00Z", ["endsAt"] = "2020-02-01T00:00:00Z" }), customer);
        await AssertRefusedAsync("coupon_expired", await CodeOfAsync(new() { ["kind"] = "amount_off", ["value"] = 1, ["status"] = "ended" }), customer);
        await AssertRefusedAsync("coupon_paused", await CodeOfAsync(new() { ["kind"] = "amount_off", ["value"] = 1, ["status"] = "paused" }), customer);
    }

    [Fact]
    public async Task Used_up_coupons_customer_limits_and_min_spend_are_refused()
    {
        var customer = PromoFixture.NewId("cu");
        await AssertRefusedAsync("coupon_exhausted", await CodeOfAsync(new() { ["kind"] = "amount_off", ["value"] = 1, ["totalLimit"] = 0 }), customer);
        var once = await CodeOfAsync(new() { ["kind"] = "amount_off", ["value"] = 1, ["perCustomerLimit"] = 1 });
        Assert.Equal(HttpStatusCode.Created, (await f.OrderAsync(customer, PromoFixture.Course, once)).StatusCode);
        await AssertRefusedAsync("customer_limit_reached", once, customer);
        await AssertRefusedAsync("min_spend_not_met", await CodeOfAsync(new() { ["kind"] = "amount_off", ["value"] = 1, ["minSpend"] = 250 }), customer);
    }

    [Fact]
    public async Task Courses_and_audiences_outside_the_campaign_are_refused()
    {
        var customer = PromoFixture.NewId("cu");
        await AssertRefusedAsync("course_not_eligible", await CodeOfAsync(new()
            { ["kind"] = "amount_off", ["value"] = 1, ["courseExternalIds"] = new[] { PromoFixture.OtherCourse } }), customer);
        await AssertRefusedAsync("course_not_eligible", await CodeOfAsync(new()
            { ["kind"] = "amount_off", ["value"] = 1, ["categories"] = new[] { "code" } }), customer);
        await AssertRefusedAsync("audience_not_eligible", await CodeOfAsync(new()
            { ["kind"] = "amount_off", ["value"] = 1, ["audience"] = "list", ["audienceCustomerExternalIds"] = new[] { PromoFixture.Customer } }), customer);
        await AssertRefusedAsync("audience_not_eligible", await CodeOfAsync(new()
            { ["kind"] = "amount_off", ["value"] = 1, ["audience"] = "live_claimers", ["liveSessionExternalId"] = PromoFixture.LiveSession }), customer);

        var buyer = PromoFixture.NewId("buyer");
        Assert.Equal(HttpStatusCode.Created, (await f.OrderAsync(buyer, PromoFixture.CheapCourse)).StatusCode);
        await AssertRefusedAsync("audience_not_eligible", await CodeOfAsync(new() { ["kind"] = "amount_off", ["value"] = 1, ["audience"] = "new_customers" }), buyer);
    }

    [Fact]
    public async Task Two_exclusive_coupons_are_refused_as_not_stackable()
    {
        var customer = PromoFixture.NewId("cu");
        var first = await CodeOfAsync(new() { ["kind"] = "amount_off", ["value"] = 1, ["code"] = "AAA-" + PromoFixture.NewId("x") });
        var second = await CodeOfAsync(new() { ["kind"] = "amount_off", ["value"] = 2, ["code"] = "ZZZ-" + PromoFixture.NewId("x") });
        var before = await Rows();

        var order = await f.OrderAsync(customer, PromoFixture.Course, first, second);

        Assert.Equal(HttpStatusCode.Conflict, order.StatusCode);
        Assert.Equal("not_stackable", await PromoFixture.CodeAsync(order));
        Assert.Equal(before, await Rows());
    }

    [Fact]
    public async Task Live_claimers_and_listed_customers_may_use_their_coupons()
    {
        var claimer = PromoFixture.NewId("fan");
        var eventId = PromoFixture.NewId("e");
        var live = await CodeOfAsync(new()
            { ["kind"] = "amount_off", ["value"] = 30, ["audience"] = "live_claimers", ["liveSessionExternalId"] = PromoFixture.LiveSession, ["claimMinutes"] = 30 });
        await f.ExecuteAsync(
            """
            INSERT INTO customers (external_id, created_at, updated_at) VALUES (@claimer, @now, @now);
            INSERT INTO events (event_id, event_key, customer_id, type, occurred_at, live_session_id)
            SELECT @eventId, @eventKey, c.id, 'coupon_claim', @now, l.id FROM customers c, live_sessions l WHERE c.external_id = @claimer AND l.external_id = @live
            """, new { claimer, eventId, eventKey = EventKey.Of(eventId), now = DateTime.UtcNow.AddMinutes(-5), live = PromoFixture.LiveSession });
        var listed = await CodeOfAsync(new()
            { ["kind"] = "amount_off", ["value"] = 20, ["audience"] = "list", ["audienceCustomerExternalIds"] = new[] { PromoFixture.Customer } });

        var claimed = await PromoFixture.JsonAsync(await ValidateAsync(live, claimer));
        var onList = await PromoFixture.JsonAsync(await ValidateAsync(listed, PromoFixture.Customer));

        Assert.True(claimed.GetProperty("valid").GetBoolean());
        Assert.Equal(169m, claimed.GetProperty("payable").GetDecimal());
        Assert.True(onList.GetProperty("valid").GetBoolean());
        Assert.Equal(20m, onList.GetProperty("discount").GetDecimal());
    }
}
