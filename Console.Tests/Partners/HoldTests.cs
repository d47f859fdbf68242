using System.Net;
using System.Net.Http.Json;
using Console.Domain.Partners;

namespace Console.Tests.Partners;

/// <summary>A Manager holds one flagged line, or a KOL's lines out of a draft payout; held lines are not paid until released.</summary>
public sealed class HoldTests(PartnersFixture f) : IClassFixture<PartnersFixture>
{
    private static readonly DateTimeOffset Start = new(2026, 11, 2, 4, 0, 0, TimeSpan.Zero);

    private async Task<string> OrderAsync(string code)
    {
        var orderId = PartnersFixture.NewId("o");
        await f.OrderAsync(new { orderId, customerExternalId = PartnersFixture.NewId("c"), courseExternalId = PartnersFixture.Course, referralCode = code });
        return orderId;
    }

    // The id the KOL page's hold button passes: the line's own, or its order's while the line still waits to be written.
    private async Task<long> LineIdAsync(long kolId, string orderId) =>
        (await f.Service<KolCommissions>().ListAsync(kolId, null, null, null))!.Single(l => l.OrderId == orderId).Id;

    [Fact]
    public async Task One_held_line_stays_out_of_the_payout_and_joins_the_next_once_released()
    {
        f.Clock.Now = Start;
        var kol = await f.KolAsync("One line");
        var code = await f.CodeAsync(kol);
        var flagged = await OrderAsync(code);
        var clean = await OrderAsync(code);
        var hold = f.Service<HoldLine>();
        Assert.Equal(1, await hold.SetAsync(kol, await LineIdAsync(kol, flagged), true, "manager@example.com"));
        Assert.Equal(0, await hold.SetAsync(kol, await LineIdAsync(kol, flagged), true, "manager@example.com"));
        // A line id of another KOL changes nothing.
        var other = await f.KolAsync("Other");
        Assert.Equal(0, await hold.SetAsync(other, await LineIdAsync(kol, clean), true, "manager@example.com"));

        f.Clock.Now = Start.AddDays(16);
        await f.SettleAsync();
        var first = await PartnersFixture.JsonAsync(await f.Manage.PostAsJsonAsync("/api/v1/payouts", new { periodEnd = "2026-11-18" }),
            HttpStatusCode.Created);
        Assert.Equal((1L, 19.90m), (first.GetProperty("lines").GetInt64(), first.GetProperty("total").GetDecimal()));
        var lines = await f.LinesAsync(kol);
        Assert.Null(lines.Single(l => l.OrderId == flagged).PayoutId);

        Assert.Equal(1, await hold.SetAsync(kol, await LineIdAsync(kol, flagged), false, "manager@example.com"));
        var second = await PartnersFixture.JsonAsync(await f.Manage.PostAsJsonAsync("/api/v1/payouts", new { periodEnd = "2026-11-18" }),
            HttpStatusCode.Created);
        Assert.Equal((1L, 19.90m), (second.GetProperty("lines").GetInt64(), second.GetProperty("total").GetDecimal()));
        Assert.Equal(2, await f.ScalarAsync(
            "SELECT COUNT(*) FROM audit_log WHERE action IN ('kol_commission.hold', 'kol_commission.release') AND entity_id = @id",
            new { id = kol.ToString() }));
    }

    [Fact]
    public async Task A_kol_held_out_of_a_draft_leaves_it_with_a_new_total_and_an_approved_payout_cannot_change()
    {
        f.Clock.Now = Start;
        var kept = await f.KolAsync("Kept");
        await OrderAsync(await f.CodeAsync(kept));
        var flagged = await f.KolAsync("Flagged");
        var flaggedCode = await f.CodeAsync(flagged);
        await OrderAsync(flaggedCode);
        await OrderAsync(flaggedCode);
        f.Clock.Now = Start.AddDays(16);
        await f.SettleAsync();
        var draft = (await PartnersFixture.JsonAsync(await f.Manage.PostAsJsonAsync("/api/v1/payouts", new { periodEnd = "2026-11-18" }),
            HttpStatusCode.Created)).GetProperty("id").GetInt64();

        var outcome = await f.Service<HoldInPayout>().ExecuteAsync(draft, flagged, "manager@example.com");
        Assert.Equal(2, Assert.IsType<HoldInPayout.Outcome.Held>(outcome).Lines);
        var payout = await PartnersFixture.JsonAsync(await f.Manage.GetAsync($"/api/v1/payouts/{draft}"), HttpStatusCode.OK);
        Assert.Equal((19.90m, 1L), (payout.GetProperty("total").GetDecimal(), payout.GetProperty("lines").GetInt64()));
        Assert.Equal(kept, Assert.Single(payout.GetProperty("kols").EnumerateArray()).GetProperty("kolId").GetInt64());
        Assert.Equal(2, await f.ScalarAsync("SELECT COUNT(*) FROM kol_commissions WHERE kol_id = @flagged AND held = 1 AND payout_id IS NULL",
            new { flagged }));

        await f.Service<MarkPayout>().ApproveAsync(draft, "manager@example.com");
        Assert.IsType<HoldInPayout.Outcome.NotDraft>(await f.Service<HoldInPayout>().ExecuteAsync(draft, kept, "manager@example.com"));
        Assert.Equal(1, await f.ScalarAsync("SELECT COUNT(*) FROM audit_log WHERE action = 'payout.hold_kol' AND entity_id = @id",
            new { id = draft.ToString() }));
    }
}
