using System.Net;
using System.Net.Http.Json;
using Console.Domain.Partners;

namespace Console.Tests.Partners;

/// <summary>
/// Checkout leaves an order's pending line waiting on its attribution; the ledger, the API, the month-to-date figures and
/// the leaderboard show it at once, and the same once the settlement, a refund or a hold has written it.
/// </summary>
public sealed class WaitingLineTests(PartnersFixture f) : IClassFixture<PartnersFixture>
{
    private static readonly DateTimeOffset Start = new(2026, 11, 4, 4, 0, 0, TimeSpan.Zero);

    private async Task<string> OrderAsync(string code, string course = PartnersFixture.Course)
    {
        var orderId = PartnersFixture.NewId("o");
        await f.OrderAsync(new { orderId, customerExternalId = PartnersFixture.NewId("c"), courseExternalId = course, referralCode = code });
        return orderId;
    }

    private async Task<(string Lines, decimal MonthToDate, long Board)> SeenAsync(long kol)
    {
        var lines = await (await f.Manage.GetAsync($"/api/v1/kols/{kol}/commissions")).Content.ReadAsStringAsync();
        var detail = await PartnersFixture.JsonAsync(await f.Manage.GetAsync($"/api/v1/kols/{kol}"), HttpStatusCode.OK);
        var board = await f.Service<RoiLeaderboard>().ForPeriodAsync(Start.UtcDateTime.AddDays(-1), Start.UtcDateTime.AddDays(1));
        return (lines, detail.GetProperty("monthToDate").GetProperty("commission").GetDecimal(), board.Single(r => r.KolId == kol).Commission);
    }

    [Fact]
    public async Task A_waiting_line_reads_the_same_before_and_after_the_settlement_writes_it()
    {
        f.Clock.Now = Start;
        var kol = await f.KolAsync("Waiting");
        var code = await f.CodeAsync(kol);
        var first = await OrderAsync(code);
        await OrderAsync(code, PartnersFixture.OtherCourse);
        Assert.Equal(2, await f.ScalarAsync("SELECT COUNT(*) FROM order_attributions WHERE kol_id = @kol AND line_amount IS NOT NULL", new { kol }));

        var before = await SeenAsync(kol);
        Assert.Equal((49.90m, 4990L), (before.MonthToDate, before.Board));
        var api = await PartnersFixture.JsonAsync(await f.Manage.GetAsync($"/api/v1/kols/{kol}/commissions?status=pending"), HttpStatusCode.OK);
        var line = api.EnumerateArray().Single(l => l.GetProperty("orderId").GetString() == first);
        Assert.Equal(("commission", 19.90m, 199.00m, 10m, "2026-11-19T04:00:00+00:00"),
            (line.GetProperty("kind").GetString(), line.GetProperty("amount").GetDecimal(), line.GetProperty("base").GetDecimal(),
                line.GetProperty("rate").GetProperty("value").GetDecimal(), line.GetProperty("availableAt").GetString()));
        Assert.Empty((await PartnersFixture.JsonAsync(await f.Manage.GetAsync($"/api/v1/kols/{kol}/commissions?status=approved"),
            HttpStatusCode.OK)).EnumerateArray());

        await f.SettleAsync();
        Assert.Equal(0, await f.ScalarAsync("SELECT COUNT(*) FROM order_attributions WHERE kol_id = @kol AND line_amount IS NOT NULL", new { kol }));
        Assert.Equal(2, await f.ScalarAsync("SELECT COUNT(*) FROM kol_commissions WHERE kol_id = @kol AND kind = 'commission'", new { kol }));
        Assert.Equal(before, await SeenAsync(kol));
        await f.SettleAsync();
        Assert.Equal(2, await f.ScalarAsync("SELECT COUNT(*) FROM kol_commissions WHERE kol_id = @kol", new { kol }));
    }

    [Fact]
    public async Task Refunds_and_holds_right_after_checkout_act_on_the_waiting_line()
    {
        f.Clock.Now = Start;
        var kol = await f.KolAsync("Right after");
        var code = await f.CodeAsync(kol);
        var refunded = await OrderAsync(code);
        var held = await OrderAsync(code);
        await PartnersFixture.JsonAsync(await f.Ingest.PostAsJsonAsync($"/api/v1/orders/{refunded}/refund", new { amount = 99m }), HttpStatusCode.OK);
        Assert.Equal([(refunded, 1000L, "pending"), (held, 1990L, "pending")],
            (await f.LinesAsync(kol)).Select(l => (l.OrderId, l.Amount, l.Status)));

        var waiting = (await f.Service<KolCommissions>().ListAsync(kol, null, null, null))!.Single(l => l.OrderId == held);
        Assert.True(waiting.Id < 0);
        Assert.Equal(1, await f.Service<HoldLine>().SetAsync(kol, waiting.Id, true, "manager@example.com"));
        Assert.True((await f.Service<KolCommissions>().ListAsync(kol, null, null, null))!.Single(l => l.OrderId == held).Held);

        // Past the holding period: the refunded order's line is approved, the held one too but never paid while held.
        f.Clock.Now = Start.AddDays(16);
        await f.SettleAsync();
        await PartnersFixture.JsonAsync(await f.Ingest.PostAsJsonAsync($"/api/v1/orders/{refunded}/refund", new { amount = (decimal?)null }),
            HttpStatusCode.OK);
        var lines = await f.LinesAsync(kol);
        Assert.Equal([("commission", 1000L), ("commission", 1990L), ("clawback", -1000L)], lines.Select(l => (l.Kind, l.Amount)));
        Assert.Equal(1, await f.ScalarAsync(
            "SELECT COUNT(*) FROM kol_commissions l JOIN orders o ON o.id = l.order_id WHERE o.order_id = @held", new { held }));
    }

    [Fact]
    public async Task Concurrent_orders_refunds_and_settlements_write_each_line_once()
    {
        f.Clock.Now = Start;
        var kol = await f.KolAsync("Crowd");
        var code = await f.CodeAsync(kol);
        var orders = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => OrderAsync(code)));
        var settle = f.Service<SettleCommissions>();
        var work = new List<Task>(orders.Where((_, i) => i % 2 == 0).Select(async o => await PartnersFixture.JsonAsync(
            await f.Ingest.PostAsJsonAsync($"/api/v1/orders/{o}/refund", new { amount = 99m }), HttpStatusCode.OK)))
        {
            settle.ExecuteAsync(), settle.ExecuteAsync(), OrderAsync(code),
        };
        await Task.WhenAll(work);

        var lines = await f.LinesAsync(kol);
        Assert.Equal(17, lines.Count);
        Assert.All(lines.GroupBy(l => l.OrderId), g => Assert.Single(g));
        Assert.Equal(8 * 1000 + 9 * 1990, lines.Sum(l => l.Amount));
        await settle.ExecuteAsync();
        Assert.Equal(17, await f.ScalarAsync("SELECT COUNT(*) FROM kol_commissions WHERE kol_id = @kol", new { kol }));
        Assert.Equal(8 * 1000 + 9 * 1990, await f.ScalarAsync("SELECT SUM(amount) FROM kol_commissions WHERE kol_id = @kol", new { kol }));
    }

    [Fact]
    public void Each_statement_pair_that_writes_waiting_lines_parses_whole_for_sql_server()
    {
        // The pairs are composed from a shared head and their own WHERE, so the source scan sees only halves.
        var scopes = typeof(PendingLines).GetFields(System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)
            .Where(field => field.FieldType.Name == "Scope").ToList();
        Assert.Equal(3, scopes.Count);
        foreach (var field in scopes)
        foreach (var part in new[] { "Insert", "Clear" })
        {
            var sql = (string)field.FieldType.GetProperty(part)!.GetValue(field.GetValue(null))!;
            Assert.Contains("WHERE", sql, StringComparison.Ordinal);
            Console.Tests.Data.SqlServerDialectTests.AssertParses($"PendingLines.{field.Name}.{part}", sql);
        }
    }
}
