using System.Net;
using System.Net.Http.Json;

namespace Console.Tests.Coupons;

public sealed class CouponCampaignsApiTests(PromoFixture f) : IClassFixture<PromoFixture>
{
    private Task<HttpResponseMessage> PostAsync(object body) => f.Manage.PostAsJsonAsync("/api/v1/coupon-campaigns", body);

    private static async Task<string[]> ErrorFieldsAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var json = await PromoFixture.JsonAsync(response);
        return json.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order().ToArray();
    }

    [Fact]
    public async Task A_campaign_is_created_read_back_and_audited_with_the_keys_name()
    {
        var code = PromoFixture.NewId("spring").ToUpperInvariant();
        var response = await PostAsync(new
        {
            name = "Spring", kind = "percent_off", value = 12.5m, maxDiscount = 30m, minSpend = 100m, courseExternalIds = new[] { PromoFixture.Course },
            startsAt = "2025-03-01T00:00:00+08:00", endsAt = "2030-03-31T00:00:00+08:00", totalLimit = 100, perCustomerLimit = 1, budget = 1000m,
            stackable = true, priority = 5, code = code.ToLowerInvariant(), returnUseOnRefund = true, status = "active",
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await PromoFixture.JsonAsync(response);
        var id = created.GetProperty("id").GetInt64();
        Assert.Equal([code], created.GetProperty("codes").EnumerateArray().Select(c => c.GetString()));

        var c = await PromoFixture.JsonAsync(await f.Manage.GetAsync($"/api/v1/coupon-campaigns/{id}"));
        Assert.Equal("percent_off", c.GetProperty("kind").GetString());
        Assert.Equal(12.5m, c.GetProperty("value").GetDecimal());
        Assert.Equal(30m, c.GetProperty("maxDiscount").GetDecimal());
        Assert.Equal([PromoFixture.Course], c.GetProperty("courseExternalIds").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(new DateTimeOffset(2025, 2, 28, 16, 0, 0, TimeSpan.Zero), c.GetProperty("startsAt").GetDateTimeOffset());
        Assert.Equal(0, c.GetProperty("uses").GetInt64());
        Assert.Equal(0m, c.GetProperty("discountGiven").GetDecimal());
        Assert.Equal(0m, c.GetProperty("revenue").GetDecimal());
        Assert.Equal(code, c.GetProperty("code").GetString());
        Assert.Equal(1, await f.ScalarAsync(
            "SELECT COUNT(*) FROM audit_log WHERE action = 'coupon_campaign.create' AND entity_id = @id AND actor = 'apikey:test-Manage'", new { id = id.ToString() }));
    }

    [Fact]
    public async Task Generated_codes_are_unique_and_use_an_unambiguous_alphabet()
    {
        var response = await PostAsync(new { name = "Live push", kind = "amount_off", value = 20m, generateCodes = 300 });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var codes = (await PromoFixture.JsonAsync(response)).GetProperty("codes").EnumerateArray().Select(c => c.GetString()!).ToList();

        Assert.Equal(300, codes.Distinct().Count());
        Assert.All(codes, c => Assert.Matches("^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{10}$", c));
        Assert.Equal(300, await f.ScalarAsync(
            "SELECT COUNT(*) FROM coupon_codes k JOIN coupon_campaigns c ON c.id = k.campaign_id WHERE k.is_unique = 1 AND c.name = 'Live push'"));
    }

    [Fact]
    public async Task Invalid_fields_are_400_with_errors_per_field_and_nothing_is_stored()
    {
        var before = await f.ScalarAsync("SELECT COUNT(*) FROM coupon_campaigns");
        Assert.Equal(["value"], await ErrorFieldsAsync(await PostAsync(new { name = "x", kind = "percent_off", value = 101 })));
        Assert.Equal(["endsAt"], await ErrorFieldsAsync(await PostAsync(new
            { name = "x", kind = "amount_off", value = 5, startsAt = "2026-01-02T00:00:00Z", endsAt = "2026-01-01T00:00:00Z" })));
        Assert.Equal(["budget", "maxDiscount", "minSpend", "value"], await ErrorFieldsAsync(await PostAsync(new
            { name = "x", kind = "amount_off", value = -1, minSpend = -1, maxDiscount = -2, budget = -3 })));
        Assert.Equal(["courseExternalIds"], await ErrorFieldsAsync(await PostAsync(new
            { name = "x", kind = "amount_off", value = 5, courseExternalIds = new[] { "no-such-course" } })));
        Assert.Equal(["value"], await ErrorFieldsAsync(await PostAsync(new
            { name = "x", kind = "fixed_price", value = 60, courseExternalIds = new[] { PromoFixture.Course, PromoFixture.CheapCourse } })));
        Assert.Equal(["value"], await ErrorFieldsAsync(await PostAsync(new { name = "x", kind = "fixed_price", value = 60, categories = new[] { "art" } })));
        Assert.Equal(["kind", "name", "value"], await ErrorFieldsAsync(await PostAsync(new { kind = "half_off" })));
        Assert.Equal(["perCustomerLimit", "totalLimit"], await ErrorFieldsAsync(await PostAsync(new
            { name = "x", kind = "amount_off", value = 5, totalLimit = -1, perCustomerLimit = 0 })));
        Assert.Equal(["audienceCustomerExternalIds"], await ErrorFieldsAsync(await PostAsync(new
            { name = "x", kind = "amount_off", value = 5, audience = "list", audienceCustomerExternalIds = new[] { "nobody" } })));
        Assert.Equal(["code"], await ErrorFieldsAsync(await PostAsync(new { name = "x", kind = "amount_off", value = 5, code = "AB", generateCodes = 2 })));
        Assert.Equal(before, await f.ScalarAsync("SELECT COUNT(*) FROM coupon_campaigns"));
    }

    [Fact]
    public async Task Field_errors_carry_english_under_errors_and_their_codes_beside_them()
    {
        var response = await PostAsync(new { name = "x", kind = "amount_off", value = 5, priority = 2_000_000, courseExternalIds = new[] { "nope-1" } });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var json = await PromoFixture.JsonAsync(response);
        var errors = json.GetProperty("errors");
        Assert.Equal(["courseExternalIds", "priority"], errors.EnumerateObject().Select(p => p.Name).Order());
        Assert.Equal("Must be between -1000000 and 1000000.", errors.GetProperty("priority")[0].GetString());
        Assert.Equal("Unknown courses: nope-1.", errors.GetProperty("courseExternalIds")[0].GetString());
        var codes = json.GetProperty("codes");
        Assert.Equal(["between"], codes.GetProperty("priority").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal(["unknown_courses"], codes.GetProperty("courseExternalIds").EnumerateArray().Select(c => c.GetString()));
    }

    [Fact]
    public async Task A_shared_code_already_in_use_is_refused()
    {
        var (_, codes) = await f.CouponAsync(new() { ["kind"] = "amount_off", ["value"] = 5 });
        var again = await PostAsync(new { name = "copy", kind = "amount_off", value = 5, code = codes[0].ToLowerInvariant() });
        Assert.Equal(["code"], await ErrorFieldsAsync(again));
    }

    [Fact]
    public async Task Patch_pauses_a_campaign_audits_it_and_refuses_a_total_limit_below_the_uses_made()
    {
        var (id, codes) = await f.CouponAsync(new() { ["kind"] = "amount_off", ["value"] = 10, ["totalLimit"] = 5 });
        Assert.Equal(HttpStatusCode.Created, (await f.OrderAsync(PromoFixture.NewId("cu"), PromoFixture.Course, codes[0])).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await f.OrderAsync(PromoFixture.NewId("cu"), PromoFixture.Course, codes[0])).StatusCode);

        var tooLow = await f.Manage.PatchAsJsonAsync($"/api/v1/coupon-campaigns/{id}", new { totalLimit = 1 });
        Assert.Equal(["totalLimit"], await ErrorFieldsAsync(tooLow));

        var paused = await f.Manage.PatchAsJsonAsync($"/api/v1/coupon-campaigns/{id}", new { status = "paused", totalLimit = 2 });
        Assert.Equal(HttpStatusCode.OK, paused.StatusCode);
        var c = await PromoFixture.JsonAsync(paused);
        Assert.Equal("paused", c.GetProperty("status").GetString());
        Assert.Equal(2, c.GetProperty("totalLimit").GetInt64());
        Assert.Equal(2, c.GetProperty("uses").GetInt64());
        Assert.Equal(20m, c.GetProperty("discountGiven").GetDecimal());
        Assert.Equal(2 * 189m, c.GetProperty("revenue").GetDecimal());
        Assert.Equal(10m, c.GetProperty("value").GetDecimal());
        Assert.Equal(1, await f.ScalarAsync(
            "SELECT COUNT(*) FROM audit_log WHERE action = 'coupon_campaign.update' AND entity_id = @id AND after_json LIKE '%paused%'", new { id = id.ToString() }));
        Assert.Equal(HttpStatusCode.NotFound, (await f.Manage.PatchAsJsonAsync("/api/v1/coupon-campaigns/999999", new { status = "paused" })).StatusCode);
    }

    [Fact]
    public async Task An_ingest_key_gets_403_and_no_key_401()
    {
        var body = new { name = "x", kind = "amount_off", value = 5 };
        Assert.Equal(HttpStatusCode.Forbidden, (await f.Ingest.PostAsJsonAsync("/api/v1/coupon-campaigns", body)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await f.Ingest.GetAsync("/api/v1/coupon-campaigns/1")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await f.Ingest.PostAsJsonAsync("/api/v1/group-buy-campaigns", body)).StatusCode);
        using var anonymous = f.App.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync("/api/v1/coupon-campaigns", body)).StatusCode);
    }
}
