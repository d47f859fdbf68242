using Console.Bench.Support;
using System.Diagnostics;
using Console.Bench.Dashboard;
using Console.Domain.Data;
using Console.Domain.Sales;
using Dapper;

namespace Console.Bench;

/// <summary>
/// The sales dashboard for the last 90 days of a million-order store, timed against a plain
/// SELECT COUNT(*) over orders in the same run. Goal: the dashboard costs at most twice the scan.
/// usage: dashboard [--orders N] [--runs R]
/// </summary>
internal static class DashboardBench
{
    public static async Task RunAsync(string[] args)
    {
        var orders = Option(args, "--orders", 1_000_000);
        var runs = Math.Max(7, Option(args, "--runs", 9));
        var time = new BusinessTime(new BusinessOptions());
        var db = await DashboardStore.OpenOrCreateAsync(orders, time);
        var summary = new SalesSummary(db);
        var to = time.DayOf(DashboardStore.End.AddTicks(-1));
        var from = to.AddDays(-89);

        long scanned = 0;
        SalesSummaryResult? figures = null;
        var scan = new List<double>();
        var dashboard = new List<double>();
        for (var i = 0; i <= runs; i++)
        {
            // Run 0 warms both paths; the runs alternate so neither gets a warmer cache.
            var s = await TimeAsync(async () =>
            {
                await using var c = await db.OpenAsync();
                scanned = await c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM orders");
            });
            var d = await TimeAsync(async () => figures = await summary.GetAsync(from, to));
            if (i == 0) continue;
            scan.Add(s);
            dashboard.Add(d);
        }

        var current = figures!.Current.Totals;
        System.Console.WriteLine($"dashboard: {orders:N0} orders, last 90 days {from:yyyy-MM-dd}..{to:yyyy-MM-dd}, {runs} runs, nproc {Environment.ProcessorCount}");
        System.Console.WriteLine($"  figures: {current.Orders:N0} orders, net {Money.ToDecimal(current.NetRevenue):N2}, {current.PayingCustomers:N0} paying customers, refund rate {current.RefundRate:P2}, {figures.Current.TopCourses.Count} top courses; previous period {figures.Previous.Orders:N0} orders");
        System.Console.WriteLine($"  scan   count of every order ({scanned:N0} rows): median {Stats.Median(scan):F2} ms");
        System.Console.WriteLine($"  SalesSummary (90 days + previous 90): median {Stats.Median(dashboard):F2} ms");
        var ratio = Stats.Median(dashboard) / Stats.Median(scan);
        System.Console.WriteLine($"  ratio dashboard/scan = {ratio:F2} (goal <= 2.00: {(ratio <= 2 ? "met" : "NOT met")})");
    }

    private static async Task<double> TimeAsync(Func<Task> action)
    {
        var clock = Stopwatch.StartNew();
        await action();
        return clock.Elapsed.TotalMilliseconds;
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length && int.TryParse(args[i + 1], out var value) ? value : fallback;
    }
}
