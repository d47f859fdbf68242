using Console.Domain.Data;
using Console.Domain.Data.Demo;
using Console.Domain.Sales;
using Console.Tests.Support;
using UglyToad.PdfPig;

namespace Console.Tests.Reports;

/// <summary>
/// The real host over a small demo store (coupons, group buys, KOLs, experiments, surveys), rolled up as the jobs would,
/// shared by the report tests; no job server runs, so each test runs the render use case itself, as the worker does.
/// </summary>
public sealed class ReportStore : IAsyncLifetime
{
    public static readonly DateOnly EndDay = new(2026, 3, 1);

    /// <summary>A whole month of the store, so no day is cut at the time of the test run.</summary>
    public static readonly SalesPeriod February = new(new DateOnly(2026, 2, 1), new DateOnly(2026, 2, 28));

    public ConsoleApp App { get; } = new();

    public async Task InitializeAsync()
    {
        _ = App.Server;
        var seeded = await App.Service<DemoSeeder>().SeedAsync(new DemoPlan(800, 62, 42, EndDay));
        Assert.True(seeded.Seeded, seeded.Refusal);
        await App.Service<RollupDailySales>().RunAsync();
        await App.Service<RollupLiveFunnel>().RunAsync();
    }

    public Task DisposeAsync()
    {
        App.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>All of a PDF's text, page by page, as a reader's copy-and-paste would give it.</summary>
    public static IReadOnlyList<string> PageTexts(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return document.GetPages().Select(p => p.Text).ToList();
    }
}
