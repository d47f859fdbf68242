using System.Diagnostics;
using System.Globalization;
using Console.Bench.Support;
using Console.Domain.Data;
using Console.Domain.Data.Demo;
using Console.Domain.Reports;
using Console.Domain.Reports.Pdf;
using Console.Domain.Sales;
using Console.Web.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Console.Bench;

/// <summary>
/// The sales report of the demo store's last 90 days (about twelve pages), rendered with its vector charts and, in the same
/// run, the same pages without charts; also the reads that gather its figures. Goal: the whole report in under a second
/// and at least 100 pages a second.
/// usage: reports [--customers N] [--runs R] [--language en|zh-Hans]
/// </summary>
internal static class ReportBench
{
    public static async Task RunAsync(string[] args)
    {
        var customers = Option(args, "--customers", DemoPlan.DefaultCustomers);
        var runs = Math.Max(5, Option(args, "--runs", 15));
        var language = args.SkipWhile(a => a != "--language").Skip(1).FirstOrDefault() ?? ReportLanguages.Chinese;
        var end = new DateOnly(2026, 12, 1);
        var folder = Path.Combine(Path.GetTempPath(), $"cc-bench-reports-{customers}");
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production", Args = [] });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Database:Path"] = Path.Combine(folder, "console.db") });
        builder.AddDomainServices();
        await using var app = builder.Build();
        var services = app.Services;
        if (!File.Exists(Path.Combine(folder, "console.db")))
        {
            Directory.CreateDirectory(folder);
            services.GetRequiredService<Migrator>().Migrate();
            var seeded = await services.GetRequiredService<DemoSeeder>().SeedAsync(new DemoPlan(customers, DemoPlan.DefaultDays, DemoPlan.DefaultSeed, end));
            await services.GetRequiredService<RollupDailySales>().RunAsync();
            await services.GetRequiredService<RollupLiveFunnel>().RunAsync();
            System.Console.WriteLine($"seeded {seeded.Customers:N0} customers, {seeded.Orders:N0} orders into {folder}");
        }
        else services.GetRequiredService<Migrator>().Migrate();
        ReportFonts.Install(services.GetRequiredService<ReportOptions>().FontFolder);
        var data = services.GetRequiredService<SalesReportData>();
        var period = new SalesPeriod(end.AddDays(-90), end.AddDays(-1));

        SalesReportContent content = null!;
        RenderedReport full = null!, plain = null!;
        List<double> read = [], charts = [], noCharts = [], chartsCpu = [], noChartsCpu = [];
        for (var i = 0; i <= runs; i++)
        {
            // Run 0 warms the JIT, the font parse and the statement caches; the two renders alternate so neither gets a warmer cache.
            var r = await TimeAsync(async () => content = await data.ReadAsync(period, language, _ => Task.CompletedTask, CancellationToken.None));
            var (c, cc) = Time(() => full = SalesReportDocument.Render(content, language, charts: true));
            var (n, nc) = Time(() => plain = SalesReportDocument.Render(content, language, charts: false));
            if (i == 0) continue;
            (read, charts, noCharts, chartsCpu, noChartsCpu) = ([.. read, r], [.. charts, c], [.. noCharts, n], [.. chartsCpu, cc], [.. noChartsCpu, nc]);
        }

        var (readMs, chartsMs, plainMs) = (Stats.Median(read), Stats.Median(charts), Stats.Median(noCharts));
        var (chartsCpuMs, plainCpuMs) = (Stats.Median(chartsCpu), Stats.Median(noChartsCpu));
        var total = readMs + chartsMs;
        System.Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"reports: {language}, {period.From:yyyy-MM-dd}..{period.To:yyyy-MM-dd} of the demo store ({customers:N0} customers), {runs} runs, nproc {Environment.ProcessorCount}"));
        System.Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  figures: net {Money.ToDecimal(content.Sales.Current.Totals.NetRevenue):N2}, {content.Sales.Current.Totals.Orders:N0} orders, {content.BestSessions.Count} best sessions, {content.Coupons.Count} coupon and {content.GroupBuys.Count} group-buy campaigns, {content.Kols.Count} KOLs"));
        System.Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  read figures (dashboard and results queries): median {readMs:F1} ms"));
        System.Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  render with charts:    {full.Pages} pages, {full.Pdf.Length:N0} bytes, median {chartsMs:F1} ms ({chartsCpuMs:F1} ms CPU), {full.Pages / (chartsMs / 1000):F0} pages/s"));
        System.Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  render without charts: {plain.Pages} pages, {plain.Pdf.Length:N0} bytes, median {plainMs:F1} ms ({plainCpuMs:F1} ms CPU), {plain.Pages / (plainMs / 1000):F0} pages/s"));
        var sample = Path.Combine(folder, $"sales-report-{language}.pdf");
        await File.WriteAllBytesAsync(sample, full.Pdf);
        System.Console.WriteLine($"  the report with charts is in {sample}");
        System.Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  load average {LoadAverage()} on {Environment.ProcessorCount} cores during the run"));
        System.Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  ratio charts/no charts = {chartsMs / plainMs:F2}; whole report (read + render) {total:F0} ms (goal < 1000: {(total < 1000 ? "met" : "NOT met")}), "
            + $"{full.Pages / (chartsMs / 1000):F0} pages/s (goal >= 100: {(full.Pages / (chartsMs / 1000) >= 100 ? "met" : "NOT met")})"));
    }

    private static async Task<double> TimeAsync(Func<Task> action)
    {
        var clock = Stopwatch.StartNew();
        await action();
        return clock.Elapsed.TotalMilliseconds;
    }

    /// <summary>Wall time and the process's CPU time: on a shared, loaded machine the second says more about the work itself.</summary>
    private static (double Wall, double Cpu) Time(Action action)
    {
        var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        action();
        var wall = clock.Elapsed.TotalMilliseconds;
        process.Refresh();
        return (wall, (process.TotalProcessorTime - cpu).TotalMilliseconds);
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    private static int Option(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
    }
}
