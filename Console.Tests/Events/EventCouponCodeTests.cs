using System.Net;

namespace Console.Tests.Events;

/// <summary>couponCode on coupon_claim events: stored as the code's campaign, refused when unknown or on another type.</summary>
public sealed class EventCouponCodeTests(IngestionFixture fixture) : IClassFixture<IngestionFixture>
{
    private static object Claim(string eventId, string customer, string? code, string type = "coupon_claim") =>
        new { eventId, customerExternalId = customer, type, occurredAt = "2025-06-01T20:15:00+08:00", couponCode = code };

    private (long Campaign, string Code) Campaign()
    {
        var code = IngestionFixture.NewId("LIVE").ToUpperInvariant();
        var now = DateTime.UtcNow;
        var campaign = fixture.Scalar<long>(
            """
            INSERT INTO coupon_campaigns (name, kind, value, audience, status, created_at, updated_at)
            VALUES ('Room push', 'amount_off', 3000, 'live_claimers', 'active', @now, @now) RETURNING id
            """, new { now });
        fixture.Scalar<long>("INSERT INTO coupon_codes (code, campaign_id, created_at) VALUES (@code, @campaign, @now) RETURNING id",
            new { code, campaign, now });
        return (campaign, code);
    }

    private long? StoredCampaign(string eventId) =>
        fixture.Query<long?>("SELECT coupon_campaign_id FROM events WHERE event_id = @eventId", new { eventId }).Single();

    [Fact]
    public async Task A_claim_keeps_its_codes_campaign_whether_the_code_is_looked_up_or_remembered()
    {
        var (campaign, code) = Campaign();
        var customer = IngestionFixture.NewId("cust");
        var (first, second, plain) = (IngestionFixture.NewId("ev"), IngestionFixture.NewId("ev"), IngestionFixture.NewId("ev"));

        var looked = await fixture.PostAsync("/api/v1/events", new[] { Claim(first, customer, code) });
        var remembered = await fixture.PostAsync("/api/v1/events", new[] { Claim(second, customer, " " + code.ToLowerInvariant()) });
        var without = await fixture.PostAsync("/api/v1/events", new[] { Claim(plain, customer, null) });

        Assert.All(new[] { looked, remembered, without }, r => Assert.Equal(HttpStatusCode.Accepted, r.Status));
        Assert.All(new[] { looked, remembered, without }, r => Assert.Equal(1, r.Body.GetProperty("accepted").GetInt32()));
        Assert.Equal(campaign, StoredCampaign(first));
        Assert.Equal(campaign, StoredCampaign(second));
        Assert.Null(StoredCampaign(plain));
    }

    [Fact]
    public async Task An_unknown_code_or_a_code_on_another_type_rejects_only_that_item()
    {
        var (campaign, code) = Campaign();
        var customer = IngestionFixture.NewId("cust");
        var ok = IngestionFixture.NewId("ev");
        var (status, body) = await fixture.PostAsync("/api/v1/events", new[]
        {
            Claim(IngestionFixture.NewId("ev"), customer, "NO-SUCH-CODE"),
            Claim(ok, customer, code),
            Claim(IngestionFixture.NewId("ev"), customer, code, type: "chat"),
        });

        Assert.Equal(HttpStatusCode.Accepted, status);
        Assert.Equal(1, body.GetProperty("accepted").GetInt32());
        Assert.Equal([(0, "unknown_coupon_code"), (2, "invalid_coupon_code")], IngestionFixture.Rejections(body));
        Assert.Equal(campaign, StoredCampaign(ok));
        Assert.Equal(1, fixture.Scalar<int>("SELECT COUNT(*) FROM events e JOIN customers c ON c.id = e.customer_id WHERE c.external_id = @customer",
            new { customer }));
    }
}
