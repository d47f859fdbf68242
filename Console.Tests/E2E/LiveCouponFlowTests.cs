using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Dapper;
using static Microsoft.Playwright.Assertions;

namespace Console.Tests.E2E;

/// <summary>
/// A marketer pushes a coupon in one live session for claimers only; the live room sends the claims, the storefront
/// the orders, and only a claimer gets the discount.
/// </summary>
[Collection(E2ECollection.Name)]
[Trait("Category", "E2E")]
public sealed partial class LiveCouponFlowTests(E2EApp app) : IClassFixture<E2EApp>
{
    private const int ClaimMinutes = 30;

    private sealed record Session(long Id, string ExternalId, string CourseExternalId);

    [Fact]
    public async Task A_coupon_pushed_in_a_live_session_serves_the_claimer_refuses_the_viewer_and_shows_one_use()
    {
        var run = Guid.NewGuid().ToString("N")[..6];
        var (name, code) = ("Live room 20% off " + run, "LIVE-" + run.ToUpperInvariant());
        var session = await LatestSessionAsync();
        var page = await app.NewPageAsync();
        await Ui.SignInAsync(page, "marketer@demo.local", E2EApp.DemoPassword, "/promotions/coupons/new");

        await Ui.PickAsync(page, "Audience", "Live-room claimers");
        await Ui.PickAsync(page, "Push in a live session", "(" + session.ExternalId + ")");
        await Ui.PickAsync(page, "Status", "Active");
        await page.Locator("input[data-testid=name]").FillAsync(name);
        await page.Locator("input[data-testid=value]").FillAsync("20");
        await Ui.Field(page, "Claimable for (minutes)").FillAsync(ClaimMinutes.ToString(CultureInfo.InvariantCulture));
        await Ui.Field(page, "Code").FillAsync(code);
        await page.Locator("[data-testid=save]").ClickAsync();
        await Expect(page).ToHaveURLAsync(ResultsUrl());
        var campaignId = long.Parse(ResultsUrl().Match(page.Url).Groups[1].Value, CultureInfo.InvariantCulture);
        await using (var connection = await app.Server.Db.OpenAsync())
            Assert.Equal(1, await connection.ExecuteScalarAsync<long>(
                """
                SELECT COUNT(*) FROM coupon_campaigns WHERE id = @campaignId AND audience = 'live_claimers' AND status = 'active'
                  AND live_session_id = @Id AND claim_minutes = @ClaimMinutes
                """, new { campaignId, session.Id, ClaimMinutes }));

        using var api = await app.Server.ClientWithKeyAsync("live-room-e2e");
        var (claimer, viewer) = ("claimer-" + run, "viewer-" + run);
        // Both were in the room; only one pressed "claim".
        var events = await api.PostAsJsonAsync("/api/v1/events", new[]
        {
            Event(claimer, "watch", session), Event(claimer, "coupon_claim", session), Event(viewer, "watch", session),
        });
        Assert.Equal(HttpStatusCode.Accepted, events.StatusCode);
        Assert.Equal(3, (await events.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accepted").GetInt32());

        var accepted = await OrderAsync(api, claimer, session, code);
        var body = await accepted.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(accepted.StatusCode == HttpStatusCode.Created, body.ToString());
        Assert.Contains(body.GetProperty("discounts").EnumerateArray(), d => d.GetProperty("code").GetString() == code);
        var refused = await OrderAsync(api, viewer, session, code);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal("audience_not_eligible", (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());

        await using var db = await app.Server.Db.OpenAsync();
        Assert.Equal(0, await db.ExecuteScalarAsync<long>(
            "SELECT COUNT(*) FROM orders o JOIN customers c ON c.id = o.customer_id WHERE c.external_id = @viewer", new { viewer }));
        var (uses, discount) = await db.QuerySingleAsync<(long, long)>(
            "SELECT COUNT(DISTINCT order_id), COALESCE(SUM(amount), 0) FROM coupon_redemptions WHERE campaign_id = @campaignId", new { campaignId });
        Assert.Equal(1, uses);
        await page.ReloadAsync();
        await Expect(page.Locator("[data-testid=figure-Uses]")).ToHaveTextAsync(uses.ToString(CultureInfo.InvariantCulture));
        Assert.Equal(discount / 100m, ShownMoney.First(await page.Locator("[data-testid=figure-DiscountGiven]").InnerTextAsync()));
        await Expect(page.Locator(PageRoutes.Main)).ToContainTextAsync($"pushed in live session {session.ExternalId} for {ClaimMinutes} min");
    }

    private static object Event(string customer, string type, Session session) => new
    {
        eventId = $"{type}-{customer}", customerExternalId = customer, type, occurredAt = DateTimeOffset.UtcNow.AddSeconds(-5),
        courseExternalId = session.CourseExternalId, liveSessionExternalId = session.ExternalId,
    };

    private static Task<HttpResponseMessage> OrderAsync(HttpClient api, string customer, Session session, string code) =>
        api.PostAsJsonAsync("/api/v1/orders", new
        {
            orderId = "order-" + customer, customerExternalId = customer, courseExternalId = session.CourseExternalId,
            couponCodes = new[] { code }, liveSessionExternalId = session.ExternalId, channel = "live",
        });

    /// <summary>The session the form lists first: the most recent one.</summary>
    private async Task<Session> LatestSessionAsync()
    {
        await using var connection = await app.Server.Db.OpenAsync();
        return await connection.QueryFirstAsync<Session>(
            """
            SELECT s.id AS Id, s.external_id AS ExternalId, c.external_id AS CourseExternalId
            FROM live_sessions s JOIN courses c ON c.id = s.course_id
            ORDER BY COALESCE(s.started_at, s.scheduled_at, s.updated_at) DESC
            """);
    }

    [GeneratedRegex(@"/promotions/coupons/(\d+)$")]
    private static partial Regex ResultsUrl();
}
