using System.Net;
using System.Net.Http.Json;
using Console.Domain.Partners;

namespace Console.Tests.Partners;

public sealed class PayoutTests(PartnersFixture f) : IClassFixture<PartnersFixture>
{
    private static readonly DateTimeOffset Start = new(2026, 11, 2, 4, 0, 0, TimeSpan.Zero);

    private async Task<string> OrderAsync(string code)
    {
        var orderId = PartnersFixture.NewId("o");
        await f.OrderAsync(new { orderId, customerExternalId = PartnersFixture.NewId("c"), courseExternalId = PartnersFixture.Course, referralCode = code });
        return orderId;
    }

    [Fact]
    public async Task A_payout_nets_each_kols_lines_leaves_small_and_held_ones_and_is_paid_once()
    {
        f.Clock.Now = Start;
        var paid = await f.KolAsync("Paid");
        var paidCode = await f.CodeAsync(paid);
        var refunded = await OrderAsync(paidCode);
        await OrderAsync(paidCode);
        var small = await f.KolAsync("Small", new { startsAt = "2026-10-01T00:00:00+08:00", rate = new { kind = "flat", value = 5m } });
        await OrderAsync(await f.CodeAsync(small));
        var held = await f.KolAsync("Held");
        await OrderAsync(await f.CodeAsync(held));
        Assert.Equal(1, await f.Service<HoldLine>().SetAsync(held, null, true, "manager@example.com"));

        f.Clock.Now = Start.AddDays(16);
        await f.SettleAsync();
        (await f.Ingest.PostAsJsonAsync($"/api/v1/orders/{refunded}/refund", new { amount = 99m })).EnsureSuccessStatusCode();

        await ProblemAssert.FieldAsync(await f.Manage.PostAsJsonAsync("/api/v1/payouts", new { }), "periodEnd");
        var created = await PartnersFixture.JsonAsync(await f.Manage.PostAsJsonAsync("/api/v1/payouts", new { periodEnd = "2026-11-18" }),
            HttpStatusCode.Created);
        var id = created.GetProperty("id").GetInt64();
        Assert.Equal(3, created.GetProperty("lines").GetInt64());
        Assert.Equal(29.90m, created.GetProperty("total").GetDecimal());

        var payout = await PartnersFixture.JsonAsync(await f.Manage.GetAsync($"/api/v1/payouts/{id}"), HttpStatusCode.OK);
        Assert.Equal("draft", payout.GetProperty("status").GetString());
        var kol = Assert.Single(payout.GetProperty("kols").EnumerateArray());
        Assert.Equal(paid, kol.GetProperty("kolId").GetInt64());
        Assert.Equal(29.90m, kol.GetProperty("amount").GetDecimal());

        var csv = await f.Manage.GetAsync($"/api/v1/payouts/{id}.csv");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var rows = (await csv.Content.ReadAsStringAsync()).TrimEnd('\n').Split('\n');
        Assert.Equal("kol,name,account,amount,lines", rows[0]);
        Assert.EndsWith(",Paid,,29.90,3", rows[1]);

        var marked = await PartnersFixture.JsonAsync(await f.Manage.PostAsync($"/api/v1/payouts/{id}/paid", null), HttpStatusCode.OK);
        Assert.Equal("paid", marked.GetProperty("status").GetString());
        var twice = await f.Manage.PostAsync($"/api/v1/payouts/{id}/paid", null);
        Assert.Equal("payout_already_paid", (await ProblemAssert.ProblemAsync(twice, HttpStatusCode.Conflict)).GetProperty("code").GetString());
        Assert.All(await f.LinesAsync(paid), l => Assert.Equal(("paid", (long?)id), (l.Status, l.PayoutId)));
        Assert.All(await f.LinesAsync(small), l => Assert.Equal(("approved", (long?)null), (l.Status, l.PayoutId)));
        Assert.Equal(HttpStatusCode.NotFound, (await f.Manage.GetAsync("/api/v1/payouts/424242")).StatusCode);

        // Only a Manager's approval moves a draft on; the monthly job leaves a month that has its draft alone.
        var next = await f.Service<CreatePayout>().ExecuteAsync(new CreatePayout.Command("2026-11-30"), "system");
        var nextId = Assert.IsType<CreatePayout.Outcome.Created>(next).Id;
        Assert.Equal(MarkPayout.Outcome.Done, await f.Service<MarkPayout>().ApproveAsync(nextId, "manager@example.com"));
        Assert.Equal(MarkPayout.Outcome.NotDraft, await f.Service<MarkPayout>().ApproveAsync(nextId, "manager@example.com"));
        f.Clock.Now = new DateTimeOffset(2026, 12, 1, 2, 0, 0, TimeSpan.Zero);
        Assert.Null(await f.Service<MonthlyPayout>().ExecuteAsync());
    }
}
