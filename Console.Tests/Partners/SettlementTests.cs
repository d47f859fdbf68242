using System.Net.Http.Json;
using Console.Domain.Partners;

namespace Console.Tests.Partners;

/// <summary>Tiers applied when the business month closes, under concurrent orders, and a settlement stopped half-way.</summary>
public sealed class SettlementTests(PartnersFixture f) : IClassFixture<PartnersFixture>
{
    private static readonly DateTimeOffset InNovember = new(2026, 11, 20, 4, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset InDecember = new(2026, 12, 2, 4, 0, 0, TimeSpan.Zero);

    private static object Tiered => new
    {
        startsAt = "2026-10-01T00:00:00+08:00", rate = new { kind = "percent", value = 10m },
        tiers = new[] { new { fromMonthlyNet = 2000m, value = 15m }, new { fromMonthlyNet = 100000m, value = 20m } },
    };

    private Task<System.Text.Json.JsonElement> OrderAsync(string code, string course) => f.OrderAsync(new
    {
        orderId = PartnersFixture.NewId("o"), customerExternalId = PartnersFixture.NewId("c"), courseExternalId = course, referralCode = code,
    });

    [Fact]
    public async Task Concurrent_orders_crossing_a_tier_get_exact_adjustments_once_the_month_closes()
    {
        f.Clock.Now = InNovember;
        var kol = await f.KolAsync("Tiered", Tiered);
        var below = await f.KolAsync("Below", Tiered);
        var code = await f.CodeAsync(kol);
        var belowCode = await f.CodeAsync(below);
        // 10 × 199.00 + 10 × 300.00 = 4,990.00 net in the month: past the 2,000.00 tier, whatever order they land in.
        await Task.WhenAll(Enumerable.Range(0, 20).Select(i => OrderAsync(code, i % 2 == 0 ? PartnersFixture.Course : PartnersFixture.OtherCourse)));
        await OrderAsync(belowCode, PartnersFixture.OtherCourse);
        Assert.Equal(10 * 1990 + 10 * 3000, (await f.LinesAsync(kol)).Sum(l => l.Amount));

        await f.SettleAsync();
        Assert.DoesNotContain(await f.LinesAsync(kol), l => l.Kind == "adjustment");

        f.Clock.Now = InDecember;
        await f.SettleAsync();
        var lines = await f.LinesAsync(kol);
        var adjustments = lines.Where(l => l.Kind == "adjustment").ToList();
        Assert.Equal(20, adjustments.Count);
        Assert.Equal(10 * (2985 - 1990) + 10 * (4500 - 3000), adjustments.Sum(l => l.Amount));
        Assert.Equal(10 * 2985 + 10 * 4500, lines.Sum(l => l.Amount));
        Assert.DoesNotContain(await f.LinesAsync(below), l => l.Kind == "adjustment");

        await f.SettleAsync();
        Assert.Equal(lines.Count, (await f.LinesAsync(kol)).Count);
    }

    [Fact]
    public async Task A_settlement_stopped_half_way_and_run_again_writes_no_line_twice()
    {
        f.Clock.Now = InNovember.AddHours(1);
        var kols = new List<long>();
        for (var i = 0; i < 3; i++)
        {
            var kol = await f.KolAsync($"Half {i}", Tiered);
            var code = await f.CodeAsync(kol);
            for (var n = 0; n < 7; n++) await OrderAsync(code, PartnersFixture.OtherCourse);
            kols.Add(kol);
        }
        // Past the month's end and the orders' holding period alike.
        f.Clock.Now = InDecember.AddDays(4);
        var settle = f.Service<SettleCommissions>();
        var closed = 0;
        settle.AfterMonthClosed = (_, _) =>
        {
            if (++closed == 2) throw new InvalidOperationException("stopped half-way");
        };
        try
        {
            await Assert.ThrowsAsync<InvalidOperationException>(() => settle.ExecuteAsync());
        }
        finally
        {
            settle.AfterMonthClosed = null;
        }
        var first = await f.ScalarAsync("SELECT COUNT(*) FROM kol_commissions WHERE kind = 'adjustment'");
        Assert.True(first > 0);
        await settle.ExecuteAsync();
        await settle.ExecuteAsync();

        foreach (var kol in kols)
        {
            var lines = await f.LinesAsync(kol);
            Assert.Equal(7, lines.Count(l => l.Kind == "adjustment"));
            Assert.All(lines.GroupBy(l => (l.OrderId, l.Kind)), g => Assert.Single(g));
            Assert.Equal(7 * 4500, lines.Sum(l => l.Amount));
            // Past their holding period, commissions and adjustments alike are approved.
            Assert.All(lines, l => Assert.Equal("approved", l.Status));
        }
        Assert.Equal(0, await f.ScalarAsync(
            "SELECT COUNT(*) FROM (SELECT kol_id, month FROM kol_month_closes GROUP BY kol_id, month HAVING COUNT(*) > 1) x"));
    }
}
