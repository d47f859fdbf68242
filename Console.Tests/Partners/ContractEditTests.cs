using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Console.Tests.Partners;

/// <summary>Editing a contract through PUT: its terms are replaced, the ledger is not, and the period may not overlap another.</summary>
public sealed class ContractEditTests(PartnersFixture f) : IClassFixture<PartnersFixture>
{
    private static readonly DateTimeOffset Start = new(2026, 11, 10, 4, 0, 0, TimeSpan.Zero);

    private async Task<JsonElement> ContractsAsync(long kol) =>
        (await PartnersFixture.JsonAsync(await f.Manage.GetAsync($"/api/v1/kols/{kol}"), HttpStatusCode.OK)).GetProperty("contracts");

    private Task<JsonElement> OrderAsync(string code, string course = PartnersFixture.Course) => f.OrderAsync(new
    {
        orderId = PartnersFixture.NewId("o"), customerExternalId = PartnersFixture.NewId("c"), courseExternalId = course, referralCode = code,
    });

    [Fact]
    public async Task An_edited_contract_rates_the_next_order_and_leaves_written_lines_as_they_were()
    {
        f.Clock.Now = Start;
        var kol = await f.KolAsync("Edited");
        var code = await f.CodeAsync(kol);
        var contract = (await ContractsAsync(kol))[0].GetProperty("id").GetInt64();
        var before = await OrderAsync(code);

        var edited = await PartnersFixture.JsonAsync(await f.Manage.PutAsJsonAsync($"/api/v1/kols/{kol}/contracts/{contract}", new
        {
            startsAt = "2026-10-01T00:00:00+08:00", endsAt = "2027-01-01T00:00:00+08:00", rate = new { kind = "percent", value = 20m },
            tiers = new[] { new { fromMonthlyNet = 10000m, value = 25m } },
            courseRates = new[] { new { courseExternalId = PartnersFixture.OtherCourse, kind = "flat", value = 12.5m } },
            fixedFee = 800m, attributionWindowDays = 3, holdingDays = 0, binding = "first_touch",
        }), HttpStatusCode.OK);
        Assert.Equal(20m, edited.GetProperty("rate").GetProperty("value").GetDecimal());
        Assert.Equal("2026-12-31T16:00:00+00:00", edited.GetProperty("endsAt").GetString());
        Assert.Equal(25m, edited.GetProperty("tiers")[0].GetProperty("value").GetDecimal());
        var courseRate = edited.GetProperty("courseRates")[0];
        Assert.Equal((PartnersFixture.OtherCourse, "flat", 12.5m),
            (courseRate.GetProperty("courseExternalId").GetString(), courseRate.GetProperty("kind").GetString(), courseRate.GetProperty("value").GetDecimal()));
        Assert.Equal((800m, 3, 0, "first_touch"), (edited.GetProperty("fixedFee").GetDecimal(), edited.GetProperty("attributionWindowDays").GetInt32(),
            edited.GetProperty("holdingDays").GetInt32(), edited.GetProperty("binding").GetString()));

        var after = await OrderAsync(code);
        var onOther = await OrderAsync(code, PartnersFixture.OtherCourse);
        var lines = await f.LinesAsync(kol);
        // 10% and then 20% of 199.00; the other course earns its flat 12.50 per order.
        Assert.Equal(1990, lines.Single(l => l.OrderId == before.GetProperty("orderId").GetString()).Amount);
        Assert.Equal(3980, lines.Single(l => l.OrderId == after.GetProperty("orderId").GetString()).Amount);
        Assert.Equal(1250, lines.Single(l => l.OrderId == onOther.GetProperty("orderId").GetString()).Amount);
        Assert.Equal(1, await f.ScalarAsync("SELECT COUNT(*) FROM audit_log WHERE action = 'kol_contract.update' AND entity_id = @id",
            new { id = kol.ToString() }));
    }

    [Fact]
    public async Task An_edit_that_overlaps_another_contract_or_repeats_a_course_is_refused_and_changes_nothing()
    {
        var kol = await f.KolAsync("Two", new { startsAt = "2026-01-01T00:00:00+08:00", endsAt = "2026-04-01T00:00:00+08:00", rate = new { value = 8m } });
        (await f.Manage.PostAsJsonAsync($"/api/v1/kols/{kol}/contracts",
            new { startsAt = "2026-04-01T00:00:00+08:00", endsAt = "2026-07-01T00:00:00+08:00", rate = new { value = 9m } })).EnsureSuccessStatusCode();
        var first = (await ContractsAsync(kol))[0].GetProperty("id").GetInt64();

        var overlap = await f.Manage.PutAsJsonAsync($"/api/v1/kols/{kol}/contracts/{first}",
            new { startsAt = "2026-01-01T00:00:00+08:00", endsAt = "2026-04-02T00:00:00+08:00", rate = new { value = 8m } });
        Assert.Equal("contract_overlap", (await ProblemAssert.ProblemAsync(overlap, HttpStatusCode.Conflict)).GetProperty("code").GetString());
        // Its own period does not count against it: moving the end earlier is fine.
        await PartnersFixture.JsonAsync(await f.Manage.PutAsJsonAsync($"/api/v1/kols/{kol}/contracts/{first}",
            new { startsAt = "2026-01-01T00:00:00+08:00", endsAt = "2026-03-01T00:00:00+08:00", rate = new { value = 8m } }), HttpStatusCode.OK);

        var repeated = await f.Manage.PutAsJsonAsync($"/api/v1/kols/{kol}/contracts/{first}", new
        {
            startsAt = "2026-01-01T00:00:00+08:00", rate = new { value = 8m },
            courseRates = new[] { new { courseExternalId = PartnersFixture.Course, kind = "percent", value = 5m },
                new { courseExternalId = PartnersFixture.Course, kind = "flat", value = 5m } },
        });
        await ProblemAssert.FieldAsync(repeated, "courseRates[1].courseExternalId");
        await ProblemAssert.FieldAsync(await f.Manage.PutAsJsonAsync($"/api/v1/kols/{kol}/contracts/{first}",
            new { startsAt = "2026-01-01T00:00:00+08:00", rate = new { value = 8m }, holdingDay = 3 }), "holdingDay");
        Assert.Equal(HttpStatusCode.NotFound, (await f.Manage.PutAsJsonAsync($"/api/v1/kols/{kol}/contracts/999999",
            new { startsAt = "2026-01-01T00:00:00+08:00", rate = new { value = 8m } })).StatusCode);
        var other = await f.KolAsync("Stranger");
        Assert.Equal(HttpStatusCode.NotFound, (await f.Manage.PutAsJsonAsync($"/api/v1/kols/{other}/contracts/{first}",
            new { startsAt = "2026-01-01T00:00:00+08:00", rate = new { value = 8m } })).StatusCode);

        var stored = (await ContractsAsync(kol))[0];
        Assert.Equal("2026-02-28T16:00:00+00:00", stored.GetProperty("endsAt").GetString());
        Assert.Equal(0, stored.GetProperty("courseRates").GetArrayLength());
    }

    [Fact]
    public async Task What_a_code_resolves_to_follows_each_change_to_its_kol_contract_and_links_at_once()
    {
        f.Clock.Now = Start;
        var kol = await f.KolAsync("Changing");
        var code = await f.CodeAsync(kol);
        var contract = (await ContractsAsync(kol))[0].GetProperty("id").GetInt64();
        static JsonValueKind Kind(JsonElement order) => order.GetProperty("attribution").ValueKind;

        Assert.Equal(JsonValueKind.Object, Kind(await OrderAsync(code)));
        (await f.Manage.PatchAsJsonAsync($"/api/v1/kols/{kol}", new { status = "paused" })).EnsureSuccessStatusCode();
        Assert.Equal(JsonValueKind.Null, Kind(await OrderAsync(code)));
        (await f.Manage.PatchAsJsonAsync($"/api/v1/kols/{kol}", new { status = "active" })).EnsureSuccessStatusCode();
        Assert.Equal(JsonValueKind.Object, Kind(await OrderAsync(code)));
        // The contract now ends before the order is paid, then a second one starts: the code follows both changes.
        (await f.Manage.PutAsJsonAsync($"/api/v1/kols/{kol}/contracts/{contract}",
            new { startsAt = "2026-10-01T00:00:00+08:00", endsAt = "2026-11-01T00:00:00+08:00", rate = new { value = 10m } })).EnsureSuccessStatusCode();
        Assert.Equal(JsonValueKind.Null, Kind(await OrderAsync(code)));
        var second = await PartnersFixture.JsonAsync(await f.Manage.PostAsJsonAsync($"/api/v1/kols/{kol}/contracts",
            new { startsAt = "2026-11-01T00:00:00+08:00", rate = new { kind = "flat", value = 5m } }), HttpStatusCode.Created);
        var order = await OrderAsync(code);
        Assert.Equal(second.GetProperty("id").GetInt64(), order.GetProperty("attribution").GetProperty("contractId").GetInt64());

        // A coupon code that named no KOL starts to once its campaign is linked.
        var coupon = await PartnersFixture.JsonAsync(await f.Manage.PostAsJsonAsync("/api/v1/coupon-campaigns",
            new { name = "linked later", kind = "amount_off", value = 10m, code = "LATER" + Guid.NewGuid().ToString("N")[..6], status = "active" }),
            HttpStatusCode.Created);
        var couponCode = coupon.GetProperty("codes")[0].GetString()!;
        Assert.Equal(JsonValueKind.Null, Kind(await OrderAsync(couponCode)));
        (await f.Manage.PostAsJsonAsync($"/api/v1/kols/{kol}/coupon-campaigns", new { campaignId = coupon.GetProperty("id").GetInt64() }))
            .EnsureSuccessStatusCode();
        Assert.Equal(kol, (await OrderAsync(couponCode)).GetProperty("attribution").GetProperty("kolId").GetInt64());
    }
}
