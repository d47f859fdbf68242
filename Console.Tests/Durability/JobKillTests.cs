using System.Diagnostics;
using Console.Domain.Data;
using Console.Domain.Sales;
using Console.Jobs;
using Console.Tests.Sales;
using Dapper;
using Microsoft.Data.Sqlite;
using Xunit.Abstractions;

namespace Console.Tests.Durability;

/// <summary>
/// The rollup and the commission settlement run by `jobs run NAME` in their own process, killed hard half-way and run
/// again: the figures they leave equal a full recomputation.
/// </summary>
public sealed class JobKillTests(ITestOutputHelper output)
{
    private static readonly DateTime Start = new(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task The_rollup_killed_half_way_and_run_again_equals_a_full_recomputation()
    {
        await using var console = new ChildConsole();
        const int orders = 30_000;
        await SeedOrdersAsync(console.Db, orders);

        var job = console.StartVerb("jobs", "run", RecurringJobs.RollupDailySales);
        var atKill = await KillWhenAsync(job, () => Scalar(console.Db, "SELECT EXISTS (SELECT 1 FROM daily_sales)") > 0);
        var rolledAtKill = Scalar(console.Db, "SELECT COUNT(*) FROM orders WHERE rolled_up = 1");
        // A chunk is counted and marked in one transaction, so the kill leaves whole chunks only.
        Assert.Equal(0, rolledAtKill % RollupDailySales.DefaultChunkSize);
        var recompute = new RecomputeDailySales(console.Db, new BusinessTime(new BusinessOptions()));
        var partial = await recompute.ReadStoredAsync();
        Assert.Equal(rolledAtKill, partial.Sales.Sum(s => s.Orders));

        Assert.Equal(0, await console.RunVerbAsync("jobs", "run", RecurringJobs.RollupDailySales));

        output.WriteLine($"{orders} orders and {Scalar(console.Db, "SELECT COUNT(*) FROM refunds")} refunds; killed {atKill} ms after start " +
            $"with {rolledAtKill} orders rolled up; after the rerun {Scalar(console.Db, "SELECT COUNT(*) FROM orders WHERE rolled_up = 1")}.");
        Assert.True(rolledAtKill < orders, "the rollup finished before it could be killed");
        Assert.Equal(0, Scalar(console.Db, "SELECT COUNT(*) FROM orders WHERE rolled_up = 0"));
        Assert.Equal(0, Scalar(console.Db, "SELECT COUNT(*) FROM refunds WHERE rolled_up = 0"));
        RollupAssert.Equal(await recompute.ComputeAsync(), await recompute.ReadStoredAsync());
    }

    [Fact]
    public async Task Settlement_killed_half_way_and_run_again_equals_an_uninterrupted_run_and_the_tier_arithmetic()
    {
        await using var console = new ChildConsole();
        // Enough months that the settlement is still closing them when the poll sees the first close on a busy machine.
        const int kols = 240, months = 12;
        await SeedCommissionsAsync(console.Db, kols, months);
        // The same store settled in one uninterrupted run, for comparison.
        var reference = Path.Combine(console.Directory, "reference.db");
        Copy(console.DatabasePath, reference);

        var job = console.StartVerb("jobs", "run", RecurringJobs.SettleCommissions);
        var atKill = await KillWhenAsync(job, () => Scalar(console.Db, "SELECT EXISTS (SELECT 1 FROM kol_month_closes)") > 0);
        var closedAtKill = Scalar(console.Db, "SELECT COUNT(*) FROM kol_month_closes");
        Assert.Equal(0, await console.RunVerbAsync("jobs", "run", RecurringJobs.SettleCommissions));
        var stdout = new StringWriter();
        Assert.Equal(0, await Console.Web.Cli.CliVerbs.RunAsync(["jobs", "run", RecurringJobs.SettleCommissions, $"--Database:Path={reference}",
            $"--Jobs:SqlitePath={Path.Combine(console.Directory, "reference-jobs.db")}"], stdout, new StringWriter()));

        var lines = Lines(console.Db);
        var referenceLines = Lines(new Db(new DatabaseOptions { Provider = Dialect.Sqlite, Path = reference }));
        output.WriteLine($"{kols * months} KOL months; killed {atKill} ms after start with {closedAtKill} closed; after the rerun " +
            $"{Scalar(console.Db, "SELECT COUNT(*) FROM kol_month_closes")} closed, {lines.Count} lines " +
            $"({lines.Count(l => l.Kind == "adjustment")} adjustments); uninterrupted run: {referenceLines.Count} lines. {stdout.ToString().Trim()}");
        Assert.InRange(closedAtKill, 1, kols * months - 1);
        Assert.Equal(kols * months, Scalar(console.Db, "SELECT COUNT(*) FROM kol_month_closes"));
        Assert.Equal(referenceLines, lines);
        Assert.Equal(0, Scalar(console.Db, "SELECT COUNT(*) FROM kol_commissions WHERE status = 'pending'"));
        // Each order's lines add up to the tier its KOL's month reached, applied to its net: computed here from the seed alone.
        foreach (var order in await ExpectedCommissionsAsync(console.Db))
            Assert.True(order.Expected == order.Stored, $"order {order.OrderId}: expected {order.Expected}, lines add up to {order.Stored}");
    }

    /// <summary>Polls until the job has visibly begun, then kills it; answers how long after its start that was.</summary>
    private static async Task<long> KillWhenAsync(Process job, Func<bool> begun)
    {
        var clock = Stopwatch.StartNew();
        while (!job.HasExited && !begun()) await Task.Delay(5);
        await ChildConsole.KillAsync(job);
        return clock.ElapsedMilliseconds;
    }

    private static long Scalar(Db db, string sql)
    {
        using var connection = db.Open();
        return connection.ExecuteScalar<long>(sql);
    }

    private static void Copy(string from, string to)
    {
        using var source = new SqliteConnection($"Data Source={from};Pooling=False");
        using var target = new SqliteConnection($"Data Source={to};Pooling=False");
        source.Open();
        target.Open();
        source.BackupDatabase(target);
    }

    /// <summary>Orders over a year, a tenth of them partly refunded, put in by plain SQL in one transaction.</summary>
    private static async Task SeedOrdersAsync(Db db, int count)
    {
        await using var connection = await db.OpenAsync();
        await using var tx = await connection.BeginTransactionAsync();
        await connection.ExecuteAsync("""
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 500)
            INSERT INTO customers (external_id, name, created_at, updated_at) SELECT 'rc' || i, 'Customer ' || i, @Start, @Start FROM n;
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 8)
            INSERT INTO courses (external_id, title, list_price, created_at, updated_at) SELECT 'rk' || i, 'Course ' || i, 10000 + i * 1000, @Start, @Start FROM n;
            """, new { Start }, tx);
        var random = new Random(11);
        string[] channels = ["storefront", "douyin", "wechat", "live_room", "kol"];
        var rows = Enumerable.Range(1, count).Select(i =>
        {
            var course = random.Next(1, 9);
            var price = 10_000 + course * 1_000;
            var discount = random.Next(3) == 0 ? random.Next(price / 2) : 0;
            return new
            {
                orderId = $"ro-{i}", customerId = random.Next(1, 501), courseId = course, channel = channels[random.Next(channels.Length)],
                listPrice = price, discount, payable = price - discount,
                paidAt = Start.AddMinutes(random.Next(365 * 24 * 60)),
            };
        }).ToList();
        await connection.ExecuteAsync("""
            INSERT INTO orders (order_id, customer_id, course_id, channel, list_price, discount, payable, status, paid_at, created_at)
            VALUES (@orderId, @customerId, @courseId, @channel, @listPrice, @discount, @payable, 'paid', @paidAt, @paidAt)
            """, rows, tx);
        await connection.ExecuteAsync("""
            INSERT INTO refunds (order_id, amount, first_for_order, refunded_at)
            SELECT id, payable / 2, 1, @refundedAt FROM orders WHERE id % 10 = 0 AND payable >= 2;
            UPDATE orders SET refunded = payable / 2, status = 'partially_refunded' WHERE id % 10 = 0 AND payable >= 2;
            """, new { refundedAt = Start.AddYears(1) }, tx);
        await tx.CommitAsync();
    }

    /// <summary>
    /// KOLs on a 10% contract with tiers (15% from 500.00 a month, 20% from 700.00), each with one to four orders of 199.00
    /// a month over past months, their commission lines pending and past their holding period.
    /// </summary>
    private static async Task SeedCommissionsAsync(Db db, int kols, int months)
    {
        await using var connection = await db.OpenAsync();
        await using var tx = await connection.BeginTransactionAsync();
        await connection.ExecuteAsync("""
            INSERT INTO customers (id, external_id, created_at, updated_at) VALUES (1, 'buyer', @Start, @Start);
            INSERT INTO courses (id, external_id, title, list_price, created_at, updated_at) VALUES (1, 'k-1', 'K', 19900, @Start, @Start);
            """, new { Start }, tx);
        var orderId = 0;
        for (var kol = 1; kol <= kols; kol++)
        {
            await connection.ExecuteAsync("""
                INSERT INTO kols (id, external_id, name, created_at, updated_at) VALUES (@kol, 'kol-' || @kol, 'KOL', @Start, @Start);
                INSERT INTO kol_contracts (id, kol_id, starts_at, rate_kind, rate_value, created_at) VALUES (@kol, @kol, @Start, 'percent', 1000, @Start);
                INSERT INTO kol_contract_tiers (contract_id, from_monthly_net, value) VALUES (@kol, 0, 1000), (@kol, 50000, 1500), (@kol, 70000, 2000);
                """, new { kol, Start }, tx);
            var lines = new List<object>();
            for (var month = 0; month < months; month++)
            {
                var paidAt = Start.AddMonths(month).AddDays(3);
                for (var n = 0; n < (kol + month) % 4 + 1; n++)
                {
                    orderId++;
                    // Every fifth order partly refunded, so the tiers see net sales, not gross.
                    var refunded = orderId % 5 == 0 ? 4900 : 0;
                    await connection.ExecuteAsync("""
                        INSERT INTO orders (id, order_id, customer_id, course_id, list_price, payable, refunded, status, paid_at, created_at, referral_code)
                        VALUES (@orderId, 'so-' || @orderId, 1, 1, 19900, 19900, @refunded, 'paid', @paidAt, @paidAt, 'K' || @kol)
                        """, new { orderId, refunded, paidAt, kol }, tx);
                    lines.Add(new { kol, orderId, amount = (19900 - refunded) / 10, month = paidAt.ToString("yyyy-MM"), paidAt, availableAt = paidAt.AddDays(15) });
                }
            }
            await connection.ExecuteAsync("""
                INSERT INTO kol_commissions (kol_id, order_id, contract_id, kind, amount, base, rate_kind, rate_value, status, month, earned_at, available_at, created_at)
                VALUES (@kol, @orderId, @kol, 'commission', @amount, 19900, 'percent', 1000, 'pending', @month, @paidAt, @availableAt, @paidAt)
                """, lines, tx);
        }
        await tx.CommitAsync();
    }

    private sealed record Line(long KolId, long OrderId, string Kind, long Amount, string Status, string Month);

    private static List<Line> Lines(Db db)
    {
        using var connection = db.Open();
        return connection.Query<Line>("""
            SELECT kol_id AS KolId, order_id AS OrderId, kind, amount, status, month FROM kol_commissions ORDER BY order_id, kind
            """).ToList();
    }

    private sealed record Expectation(long OrderId, long Expected, long Stored);

    /// <summary>Net 19,900 or 15,000 fen; a KOL month's net picks 10%, 15% or 20%, which divides every net exactly.</summary>
    private static async Task<List<Expectation>> ExpectedCommissionsAsync(Db db)
    {
        await using var connection = await db.OpenAsync();
        var orders = (await connection.QueryAsync<(long OrderId, long KolId, string Month, long Net, long Stored)>("""
            SELECT o.id, l.kol_id, l.month, o.payable - o.refunded, (SELECT SUM(amount) FROM kol_commissions a WHERE a.order_id = o.id)
            FROM orders o JOIN kol_commissions l ON l.order_id = o.id AND l.kind = 'commission'
            """)).ToList();
        var monthly = orders.GroupBy(o => (o.KolId, o.Month)).ToDictionary(g => g.Key, g => g.Sum(o => o.Net));
        return orders.Select(o =>
        {
            var net = monthly[(o.KolId, o.Month)];
            var percent = net >= 70_000 ? 20 : net >= 50_000 ? 15 : 10;
            return new Expectation(o.OrderId, o.Net * percent / 100, o.Stored);
        }).ToList();
    }
}
