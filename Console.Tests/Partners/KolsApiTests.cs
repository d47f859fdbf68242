using System.Net;
using System.Net.Http.Json;

namespace Console.Tests.Partners;

public sealed class KolsApiTests(PartnersFixture f) : IClassFixture<PartnersFixture>
{
    [Fact]
    public async Task A_kol_is_created_read_back_changed_and_refused_twice()
    {
        var externalId = PartnersFixture.NewId("kol");
        var created = await PartnersFixture.JsonAsync(await f.Manage.PostAsJsonAsync("/api/v1/kols",
            new { externalId, name = "Lin Xiaoyu", platform = "bilibili", handle = "@lin", email = "lin@example.com" }), HttpStatusCode.Created);
        var id = created.GetProperty("id").GetInt64();

        var again = await f.Manage.PostAsJsonAsync("/api/v1/kols", new { externalId, name = "Someone else" });
        var problem = await ProblemAssert.ProblemAsync(again, HttpStatusCode.Conflict);
        Assert.Equal("kol_exists", problem.GetProperty("code").GetString());

        var patched = await PartnersFixture.JsonAsync(await f.Manage.PatchAsJsonAsync($"/api/v1/kols/{id}", new { status = "paused" }), HttpStatusCode.OK);
        Assert.Equal("paused", patched.GetProperty("status").GetString());
        Assert.Equal("Lin Xiaoyu", patched.GetProperty("name").GetString());
        Assert.Equal("bilibili", patched.GetProperty("platform").GetString());
        Assert.Equal(0, patched.GetProperty("monthToDate").GetProperty("orders").GetInt64());
        Assert.Equal(1, await f.ScalarAsync("SELECT COUNT(*) FROM audit_log WHERE action = 'kol.create' AND entity_id = @id", new { id = id.ToString() }));

        // The address is sealed at rest and in the audit log, and read back as given.
        Assert.Equal("lin@example.com", patched.GetProperty("email").GetString());
        await using var c = await f.Db.OpenAsync();
        var stored = await Dapper.SqlMapper.ExecuteScalarAsync<string>(c, "SELECT email FROM kols WHERE id = @id", new { id });
        Assert.StartsWith(Console.Domain.Data.PersonalData.Prefix, stored);
        Assert.Equal(0, await f.ScalarAsync("SELECT COUNT(*) FROM audit_log WHERE after_json LIKE '%lin@example.com%'"));
    }

    [Fact]
    public async Task Unknown_fields_and_bad_values_are_refused_next_to_the_field()
    {
        await ProblemAssert.FieldAsync(await f.Manage.PostAsJsonAsync("/api/v1/kols", new { externalId = "x", name = "X", plattform = "douyin" }), "plattform");
        await ProblemAssert.FieldAsync(await f.Manage.PostAsJsonAsync("/api/v1/kols", new { externalId = "x", name = "X", platform = "myspace" }), "platform");
        var kol = await f.KolAsync("Fields");
        var bad = await f.Manage.PostAsJsonAsync($"/api/v1/kols/{kol}/contracts", new
        {
            startsAt = "2027-02-01T00:00:00+08:00", endsAt = "2027-01-01T00:00:00+08:00", rate = new { kind = "percent", value = 120m },
            tiers = new[] { new { fromMonthlyNet = 100m, value = 5m }, new { fromMonthlyNet = 100m, value = 6m } },
            courseRates = new[] { new { courseExternalId = "nope", kind = "flat", value = 5m } }, binding = "sideways",
        });
        await ProblemAssert.FieldAsync(bad, "endsAt");
        var problem = await ProblemAssert.ProblemAsync(bad, HttpStatusCode.BadRequest);
        var fields = problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order().ToArray();
        Assert.Equal(["binding", "endsAt", "rate.value", "tiers[1].fromMonthlyNet"], fields);
        var unknownCourse = await f.Manage.PostAsJsonAsync($"/api/v1/kols/{kol}/contracts", new
        {
            startsAt = "2030-01-01T00:00:00+08:00", rate = new { kind = "percent", value = 5m },
            courseRates = new[] { new { courseExternalId = "nope", kind = "flat", value = 5m } },
        });
        await ProblemAssert.FieldAsync(unknownCourse, "courseRates[0].courseExternalId", "No course with externalId 'nope'.");
    }

    [Fact]
    public async Task Contracts_default_their_window_and_holding_and_may_not_overlap()
    {
        var kol = await f.KolAsync("Overlap", new { startsAt = "2026-01-01T00:00:00+08:00", endsAt = "2026-07-01T00:00:00+08:00", rate = new { value = 8m } });
        var detail = await PartnersFixture.JsonAsync(await f.Manage.GetAsync($"/api/v1/kols/{kol}"), HttpStatusCode.OK);
        var contract = detail.GetProperty("contracts")[0];
        Assert.Equal(7, contract.GetProperty("attributionWindowDays").GetInt32());
        Assert.Equal(15, contract.GetProperty("holdingDays").GetInt32());
        Assert.Equal("last_touch", contract.GetProperty("binding").GetString());
        Assert.Equal(8m, contract.GetProperty("rate").GetProperty("value").GetDecimal());

        var overlap = await f.Manage.PostAsJsonAsync($"/api/v1/kols/{kol}/contracts",
            new { startsAt = "2026-06-30T00:00:00+08:00", rate = new { value = 9m } });
        Assert.Equal("contract_overlap", (await ProblemAssert.ProblemAsync(overlap, HttpStatusCode.Conflict)).GetProperty("code").GetString());
        // Ends are exclusive: the next contract may start the moment the last one ends.
        await PartnersFixture.JsonAsync(await f.Manage.PostAsJsonAsync($"/api/v1/kols/{kol}/contracts",
            new { startsAt = "2026-07-01T00:00:00+08:00", rate = new { value = 9m } }), HttpStatusCode.Created);
    }

    [Fact]
    public async Task Codes_are_speakable_when_generated_and_unique_across_kols_and_coupons()
    {
        var kol = await f.KolAsync("Codes");
        var generated = await f.CodeAsync(kol);
        Assert.Matches("^([BDFGHJKMNPRSTVWZ][AEU]){3}[2-9]{2}$", generated);
        var own = await f.CodeAsync(kol, "lin-" + Guid.NewGuid().ToString("N")[..6]);
        Assert.StartsWith("LIN-", own);

        var other = await f.KolAsync("Other");
        var taken = await f.Manage.PostAsJsonAsync($"/api/v1/kols/{other}/codes", new { code = own.ToLowerInvariant() });
        Assert.Equal("code_taken", (await ProblemAssert.ProblemAsync(taken, HttpStatusCode.Conflict)).GetProperty("code").GetString());

        var coupon = PartnersFixture.NewId("CPN").ToUpperInvariant();
        (await f.Manage.PostAsJsonAsync("/api/v1/coupon-campaigns", new { name = "c", kind = "amount_off", value = 5m, code = coupon })).EnsureSuccessStatusCode();
        var couponTaken = await f.Manage.PostAsJsonAsync($"/api/v1/kols/{other}/codes", new { code = coupon });
        Assert.Equal("code_taken", (await ProblemAssert.ProblemAsync(couponTaken, HttpStatusCode.Conflict)).GetProperty("code").GetString());
        await ProblemAssert.FieldAsync(await f.Manage.PostAsJsonAsync($"/api/v1/kols/{other}/codes", new { code = "a b" }), "code");
        // And the other way round: a coupon campaign may not take a KOL's code.
        await ProblemAssert.FieldAsync(await f.Manage.PostAsJsonAsync("/api/v1/coupon-campaigns",
            new { name = "clash", kind = "amount_off", value = 5m, code = own }), "code");
    }

    [Fact]
    public async Task A_link_redirects_only_to_allowed_hosts_and_logs_each_click()
    {
        var kol = await f.KolAsync("Links");
        await ProblemAssert.FieldAsync(await f.Manage.PostAsJsonAsync($"/api/v1/kols/{kol}/links",
            new { destinationUrl = "https://evil.example.net/x" }), "destinationUrl");
        await ProblemAssert.FieldAsync(await f.Manage.PostAsJsonAsync($"/api/v1/kols/{kol}/links",
            new { destinationUrl = "javascript:alert(1)" }), "destinationUrl");
        var created = await PartnersFixture.JsonAsync(await f.Manage.PostAsJsonAsync($"/api/v1/kols/{kol}/links",
            new { destinationUrl = $"https://{PartnersFixture.Host}/c?x=1", courseExternalId = PartnersFixture.Course, label = "bio" }),
            HttpStatusCode.Created);
        var code = created.GetProperty("code").GetString()!;
        Assert.EndsWith($"/r/{code}", created.GetProperty("url").GetString());

        using var request = new HttpRequestMessage(HttpMethod.Get, $"/r/{code}");
        request.Headers.UserAgent.ParseAdd("Mozilla/5.0 (iPhone)");
        request.Headers.Referrer = new Uri("https://www.douyin.com/video/1");
        var response = await f.Public.SendAsync(request);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!;
        Assert.Equal(PartnersFixture.Host, location.Host);
        Assert.Matches("^\\?x=1&cc_click=[0-9a-f]{24}$", location.Query);
        Assert.Equal(1, await f.ScalarAsync(
            "SELECT COUNT(*) FROM kol_clicks WHERE kol_id = @kol AND user_agent = 'Mozilla/5.0 (iPhone)' AND referrer = 'https://www.douyin.com/video/1'",
            new { kol }));

        var unknown = await f.Public.GetAsync("/r/NOSUCH22");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Contains("Link not found", await unknown.Content.ReadAsStringAsync());
        (await f.Manage.PatchAsJsonAsync($"/api/v1/kols/{kol}", new { status = "paused" })).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.NotFound, (await f.Public.GetAsync($"/r/{code}")).StatusCode);
    }

    [Fact]
    public async Task The_openapi_document_describes_every_partners_operation_and_its_refusals()
    {
        var doc = await PartnersFixture.JsonAsync(await f.Public.GetAsync("/openapi/v1.json"), HttpStatusCode.OK);
        var paths = doc.GetProperty("paths");
        foreach (var path in new[] { "/api/v1/kols", "/api/v1/kols/{id}", "/api/v1/kols/{id}/contracts", "/api/v1/kols/{id}/codes",
                     "/api/v1/kols/{id}/links", "/api/v1/kols/{id}/commissions", "/api/v1/payouts", "/api/v1/payouts/{id}",
                     "/api/v1/payouts/{id}.csv", "/api/v1/payouts/{id}/paid" })
            Assert.True(paths.TryGetProperty(path, out _), $"{path} is not documented");
        var overlap = paths.GetProperty("/api/v1/kols/{id}/contracts").GetProperty("post").GetProperty("responses").GetProperty("409").ToString();
        Assert.Contains("contract_overlap", overlap);
        var paid = paths.GetProperty("/api/v1/payouts/{id}/paid").GetProperty("post").GetProperty("responses").GetProperty("409").ToString();
        Assert.Contains("payout_already_paid", paid);
    }
}
