using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Console.Tests.Partners;

/// <summary>Each rule of API.md "Partners (KOL)" attribution, through the real order and event endpoints.</summary>
public sealed class AttributionTests(PartnersFixture f) : IClassFixture<PartnersFixture>
{
    private static readonly DateTimeOffset Start = new(2026, 11, 10, 4, 0, 0, TimeSpan.Zero);

    private async Task<string> ExternalIdAsync(long kol) =>
        (await PartnersFixture.JsonAsync(await f.Manage.GetAsync($"/api/v1/kols/{kol}"), HttpStatusCode.OK)).GetProperty("externalId").GetString()!;

    private static JsonElement Attribution(JsonElement order) => order.GetProperty("attribution");

    private static void AssertAttributed(JsonElement order, long kol, string via)
    {
        var a = Attribution(order);
        Assert.True(a.ValueKind == JsonValueKind.Object, $"no attribution in {order}");
        Assert.Equal(kol, a.GetProperty("kolId").GetInt64());
        Assert.Equal(via, a.GetProperty("via").GetString());
    }

    private Task<JsonElement> OrderAsync(string customer, string? referralCode = null, string? liveSession = null, string? clickId = null) =>
        f.OrderAsync(new
        {
            orderId = PartnersFixture.NewId("o"), customerExternalId = customer, courseExternalId = PartnersFixture.Course, referralCode,
            liveSessionExternalId = liveSession, clickId,
        });

    [Fact]
    public async Task A_code_beats_a_click_and_a_click_beats_a_hosted_live_session()
    {
        f.Clock.Now = Start;
        var byCode = await f.KolAsync("Code");
        var code = await f.CodeAsync(byCode);
        var byLink = await f.KolAsync("Link");
        var link = await f.LinkAsync(byLink);
        var host = await f.KolAsync("Host");
        var session = PartnersFixture.NewId("ls");
        (await f.Ingest.PostAsJsonAsync("/api/v1/live-sessions", new[]
        {
            new { externalId = session, courseExternalId = PartnersFixture.Course, title = "Night class", host = await ExternalIdAsync(host) },
        })).EnsureSuccessStatusCode();
        var customer = PartnersFixture.NewId("c");
        await f.VisitAsync(customer, await f.ClickAsync(link));
        f.Clock.Now = Start.AddHours(2);

        AssertAttributed(await OrderAsync(customer, code.ToLowerInvariant(), session), byCode, "code");
        var viaClick = await OrderAsync(customer, liveSession: session);
        AssertAttributed(viaClick, byLink, "link");
        AssertAttributed(await OrderAsync(PartnersFixture.NewId("c"), liveSession: session), host, "live_session");

        // Decided once: reading the order back gives the same attribution.
        var stored = await PartnersFixture.JsonAsync(await f.Ingest.GetAsync($"/api/v1/orders/{viaClick.GetProperty("orderId").GetString()}"), HttpStatusCode.OK);
        AssertAttributed(stored, byLink, "link");
        Assert.Equal(Attribution(viaClick).GetProperty("clickId").GetString(), Attribution(stored).GetProperty("clickId").GetString());
    }

    [Fact]
    public async Task A_click_counts_only_within_the_contracts_window()
    {
        f.Clock.Now = Start;
        var kol = await f.KolAsync("Window", new { startsAt = "2026-10-01T00:00:00+08:00", rate = new { value = 10m }, attributionWindowDays = 3 });
        var link = await f.LinkAsync(kol);
        var early = PartnersFixture.NewId("c");
        var late = PartnersFixture.NewId("c");
        await f.VisitAsync(early, await f.ClickAsync(link));
        await f.VisitAsync(late, await f.ClickAsync(link));
        f.Clock.Now = Start.AddDays(3).AddMinutes(-1);
        AssertAttributed(await OrderAsync(early), kol, "link");
        f.Clock.Now = Start.AddDays(3).AddMinutes(1);
        Assert.Equal(JsonValueKind.Null, Attribution(await OrderAsync(late)).ValueKind);
    }

    [Fact]
    public async Task First_touch_binding_keeps_the_customer_and_last_touch_follows_the_latest_click()
    {
        f.Clock.Now = Start;
        var first = await f.KolAsync("First", new { startsAt = "2026-10-01T00:00:00+08:00", rate = new { value = 10m }, binding = "first_touch" });
        var latest = await f.KolAsync("Latest");
        var earlier = await f.KolAsync("Earlier");
        var locked = PartnersFixture.NewId("c");
        var free = PartnersFixture.NewId("c");
        await f.VisitAsync(locked, await f.ClickAsync(await f.LinkAsync(first)));
        await f.VisitAsync(free, await f.ClickAsync(await f.LinkAsync(earlier)));
        f.Clock.Now = Start.AddDays(1);
        var latestLink = await f.LinkAsync(latest);
        await f.VisitAsync(locked, await f.ClickAsync(latestLink));
        var freeClick = await f.ClickAsync(latestLink);
        await f.VisitAsync(free, freeClick);
        f.Clock.Now = Start.AddDays(2);

        AssertAttributed(await OrderAsync(locked), first, "link");
        var last = await OrderAsync(free);
        AssertAttributed(last, latest, "link");
        Assert.Equal(freeClick, Attribution(last).GetProperty("clickId").GetString());
    }

    [Fact]
    public async Task A_paused_kol_or_an_expired_contract_wins_nothing()
    {
        f.Clock.Now = Start;
        var paused = await f.KolAsync("Paused");
        var pausedCode = await f.CodeAsync(paused);
        (await f.Manage.PatchAsJsonAsync($"/api/v1/kols/{paused}", new { status = "paused" })).EnsureSuccessStatusCode();
        var expired = await f.KolAsync("Expired", new { startsAt = "2026-10-01T00:00:00+08:00", endsAt = "2026-11-01T00:00:00+08:00", rate = new { value = 10m } });
        var expiredCode = await f.CodeAsync(expired);

        Assert.Equal(JsonValueKind.Null, Attribution(await OrderAsync(PartnersFixture.NewId("c"), pausedCode)).ValueKind);
        Assert.Equal(JsonValueKind.Null, Attribution(await OrderAsync(PartnersFixture.NewId("c"), expiredCode)).ValueKind);
        Assert.Equal(0, await f.ScalarAsync("SELECT COUNT(*) FROM kol_commissions WHERE kol_id IN (@paused, @expired)", new { paused, expired }));
    }

    [Fact]
    public async Task A_kols_own_order_is_flagged_self_referral_and_earns_nothing()
    {
        f.Clock.Now = Start;
        var self = PartnersFixture.NewId("c");
        (await f.Ingest.PostAsJsonAsync("/api/v1/customers", new[] { new { externalId = self, name = "Lin" } })).EnsureSuccessStatusCode();
        var kol = await f.KolAsync("Self", customerExternalId: self);
        var code = await f.CodeAsync(kol);
        var order = await OrderAsync(self, code);
        AssertAttributed(order, kol, "code");
        Assert.True(Attribution(order).GetProperty("selfReferral").GetBoolean());
        Assert.Empty(await f.LinesAsync(kol));
        var signals = await PartnersFixture.JsonAsync(await f.Manage.GetAsync($"/api/v1/kols/{kol}/fraud-signals"), HttpStatusCode.OK);
        Assert.Contains(signals.EnumerateArray(), s => s.GetProperty("kind").GetString() == "self_referral");
    }

    [Fact]
    public async Task A_coupon_campaign_linked_to_a_kol_attributes_its_codes_orders()
    {
        f.Clock.Now = Start;
        var kol = await f.KolAsync("Coupon partner");
        var coupon = PartnersFixture.NewId("KC").ToUpperInvariant();
        var campaign = await PartnersFixture.JsonAsync(await f.Manage.PostAsJsonAsync("/api/v1/coupon-campaigns",
            new { name = "kol coupon", kind = "amount_off", value = 19m, code = coupon, status = "active" }), HttpStatusCode.Created);
        var campaignId = campaign.GetProperty("id").GetInt64();
        await PartnersFixture.JsonAsync(await f.Manage.PostAsJsonAsync($"/api/v1/kols/{kol}/coupon-campaigns", new { campaignId }), HttpStatusCode.OK);
        var order = await f.OrderAsync(new
        {
            orderId = PartnersFixture.NewId("o"), customerExternalId = PartnersFixture.NewId("c"), courseExternalId = PartnersFixture.Course,
            couponCodes = new[] { coupon },
        });
        AssertAttributed(order, kol, "code");
        // Commission is on what was paid after the discount: 10% of 180.00.
        Assert.Equal([1800L], (await f.LinesAsync(kol)).Select(l => l.Amount));
        var twice = await f.Manage.PostAsJsonAsync($"/api/v1/kols/{await f.KolAsync("Second")}/coupon-campaigns", new { campaignId });
        Assert.Equal("campaign_linked", (await ProblemAssert.ProblemAsync(twice, HttpStatusCode.Conflict)).GetProperty("code").GetString());
    }

    [Fact]
    public async Task Click_ids_on_orders_and_events_must_be_known()
    {
        f.Clock.Now = Start;
        var kol = await f.KolAsync("Direct");
        var click = await f.ClickAsync(await f.LinkAsync(kol));
        var order = await OrderAsync(PartnersFixture.NewId("c"), clickId: click);
        AssertAttributed(order, kol, "link");

        var unknown = await f.Ingest.PostAsJsonAsync("/api/v1/orders", new
        {
            orderId = PartnersFixture.NewId("o"), customerExternalId = "c-x", courseExternalId = PartnersFixture.Course, clickId = "nope",
        });
        Assert.Equal("unknown_click", (await ProblemAssert.ProblemAsync(unknown, HttpStatusCode.Conflict)).GetProperty("code").GetString());
        var events = await PartnersFixture.JsonAsync(await f.Ingest.PostAsJsonAsync("/api/v1/events", new[]
        {
            new { eventId = PartnersFixture.NewId("e"), customerExternalId = "c-y", type = "page_view", occurredAt = Start.ToString("O"), clickId = "nope" },
            new { eventId = PartnersFixture.NewId("e"), customerExternalId = "c-y", type = "page_view", occurredAt = Start.ToString("O"), clickId = click },
        }), HttpStatusCode.Accepted);
        Assert.Equal(1, events.GetProperty("accepted").GetInt32());
        var rejected = events.GetProperty("rejected")[0];
        Assert.Equal(0, rejected.GetProperty("index").GetInt32());
        Assert.Equal("unknown_click", rejected.GetProperty("error").GetString());
    }

    [Fact]
    public async Task The_customer_timeline_names_the_KOL_who_brought_an_order_and_how()
    {
        f.Clock.Now = Start;
        var kol = await f.KolAsync("Timeline host");
        var code = await f.CodeAsync(kol);
        var customer = PartnersFixture.NewId("c");
        await OrderAsync(customer, code);
        await OrderAsync(customer);

        long customerId;
        await using (var connection = await f.Db.OpenAsync())
            customerId = await Dapper.SqlMapper.ExecuteScalarAsync<long>(connection, "SELECT id FROM customers WHERE external_id = @customer", new { customer });
        var page = await f.Service<Console.Domain.Customers.CustomerTimeline>().PageAsync(customerId, Console.Domain.Customers.TimelineCursor.Start, 10);

        var orders = page.Items.Where(i => i.Kind == Console.Domain.Customers.TimelineKind.Order).ToList();
        Assert.Equal(2, orders.Count);
        var referred = Assert.Single(orders, o => o.KolId is not null);
        Assert.Equal(kol, referred.KolId);
        Assert.Equal("Timeline host", referred.KolName);
        Assert.Equal("code", referred.AttributedVia);
    }
}
