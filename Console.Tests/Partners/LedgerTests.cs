using System.Net;
using System.Net.Http.Json;
using Console.Domain.GroupBuys;

namespace Console.Tests.Partners;

/// <summary>The commission ledger's transitions: pending, approved by the settlement, lowered or clawed back by refunds.</summary>
public sealed class LedgerTests(PartnersFixture f) : IClassFixture<PartnersFixture>
{
    private static readonly DateTimeOffset Start = new(2026, 11, 3, 4, 0, 0, TimeSpan.Zero);

    private async Task<string> OrderAsync(string code, object? groupBuy = null)
    {
        var orderId = PartnersFixture.NewId("o");
        await f.OrderAsync(new
        {
            orderId, customerExternalId = PartnersFixture.NewId("c"), courseExternalId = PartnersFixture.Course, referralCode = code, groupBuy,
        });
        return orderId;
    }

    private async Task RefundAsync(string orderId, decimal? amount) =>
        await PartnersFixture.JsonAsync(await f.Ingest.PostAsJsonAsync($"/api/v1/orders/{orderId}/refund", new { amount }), HttpStatusCode.OK);

    [Fact]
    public async Task A_line_is_pending_through_its_holding_period_lowered_by_a_refund_then_approved_and_clawed_back()
    {
        f.Clock.Now = Start;
        var kol = await f.KolAsync("Ledger");
        var code = await f.CodeAsync(kol);
        var lowered = await OrderAsync(code);
        var clawed = await OrderAsync(code);
        Assert.Equal([1990L, 1990L], (await f.LinesAsync(kol)).Select(l => l.Amount));

        await RefundAsync(lowered, 99m);
        Assert.Equal([("commission", 1000L, "pending"), ("commission", 1990L, "pending")],
            (await f.LinesAsync(kol)).Select(l => (l.Kind, l.Amount, l.Status)));

        f.Clock.Now = Start.AddDays(15).AddMinutes(-1);
        await f.SettleAsync();
        Assert.All(await f.LinesAsync(kol), l => Assert.Equal("pending", l.Status));
        f.Clock.Now = Start.AddDays(15).AddMinutes(1);
        await f.SettleAsync();
        Assert.All(await f.LinesAsync(kol), l => Assert.Equal("approved", l.Status));

        await RefundAsync(clawed, 50m);
        await RefundAsync(clawed, null);
        var lines = await f.LinesAsync(kol);
        Assert.Equal([("commission", 1000L), ("commission", 1990L), ("clawback", -500L), ("clawback", -1490L)],
            lines.Select(l => (l.Kind, l.Amount)));
        Assert.Equal(0, lines.Where(l => l.OrderId == clawed).Sum(l => l.Amount));

        var api = await PartnersFixture.JsonAsync(await f.Manage.GetAsync($"/api/v1/kols/{kol}/commissions?status=approved"), HttpStatusCode.OK);
        Assert.Equal(4, api.GetArrayLength());
        Assert.Contains(api.EnumerateArray(), l => l.GetProperty("kind").GetString() == "clawback" && l.GetProperty("amount").GetDecimal() == -14.90m);
        await ProblemAssert.FieldAsync(await f.Manage.GetAsync($"/api/v1/kols/{kol}/commissions?status=lost"), "status");
        Assert.Equal(HttpStatusCode.NotFound, (await f.Manage.GetAsync("/api/v1/kols/999999/commissions")).StatusCode);
    }

    [Fact]
    public async Task A_failed_group_buy_refunded_in_full_earns_nothing()
    {
        f.Clock.Now = Start;
        var kol = await f.KolAsync("Group");
        var code = await f.CodeAsync(kol);
        var campaign = await PartnersFixture.JsonAsync(await f.Manage.PostAsJsonAsync("/api/v1/group-buy-campaigns", new
        {
            name = "Pair up", courseExternalId = PartnersFixture.Course, teamSize = 2, groupPrice = 99m, teamWindowMinutes = 30, status = "active",
        }), HttpStatusCode.Created);
        var orderId = await OrderAsync(code, new { campaignId = campaign.GetProperty("id").GetInt64() });
        Assert.Equal([(990L, "pending")], (await f.LinesAsync(kol)).Select(l => (l.Amount, l.Status)));

        f.Clock.Now = Start.AddHours(1);
        await f.Service<ExpireTeams>().ExecuteAsync();
        f.Clock.Now = Start.AddDays(16);
        await f.SettleAsync();
        // A failed team's order is never approved; its full refund then leaves nothing to earn.
        Assert.Equal([(990L, "pending")], (await f.LinesAsync(kol)).Select(l => (l.Amount, l.Status)));
        await RefundAsync(orderId, null);
        Assert.Equal([0L], (await f.LinesAsync(kol)).Select(l => l.Amount));
    }
}
