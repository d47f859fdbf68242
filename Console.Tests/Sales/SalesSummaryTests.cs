using Console.Domain.Data;
using Console.Domain.Sales;
using Console.Tests.Support;
using Dapper;

namespace Console.Tests.Sales;

/// <summary>The dashboard figures, read from the rollups, against plain SQL over orders and refunds.</summary>
public sealed class SalesSummaryTests : IDisposable
{
    private static readonly DateOnly From = new(2025, 3, 10);
    private static readonly DateOnly To = new(2025, 3, 23);

    private readonly TempStore _store = new();
    private readonly BusinessTime _time = new(new BusinessOptions());
    private readonly SalesSummary _summary;

    public SalesSummaryTests() => _summary = new SalesSummary(_store.Db);

    public void Dispose() => _store.Dispose();

    [Fact]
    public async Task Figures_equal_plain_sql_over_orders_for_the_same_range_and_the_previous_one()
    {
        var data = new SalesData(_store.Db, seed: 11);
        await data.SeedCatalogAsync(customers: 80, courses: 14);
        await data.AddOrdersAsync(500, days: 40);
        await data.AddRefundsAsync(60);
        await new RollupDailySales(_store.Db, _time).RunAsync(chunkSize: 90);

        var result = await _summary.GetAsync(From, To);

        await AssertTotalsMatchOrdersAsync(result.Current.Totals, From, To);
        await AssertBreakdownsMatchOrdersAsync(result.Current, From, To);
        await AssertTotalsMatchOrdersAsync(result.Previous, new DateOnly(2025, 2, 24), new DateOnly(2025, 3, 9));
        Assert.True(result.Current.Totals.Orders > 100);
        Assert.True(result.Previous.Orders > 50);
        Assert.InRange(result.Current.Totals.RefundRate, 0.001, 0.5);
    }

    [Fact]
    public async Task An_empty_range_gives_zeros_and_one_entry_per_day()
    {
        var result = await _summary.GetAsync(From, To);

        Assert.Equal(0, result.Current.Totals.NetRevenue);
        Assert.Equal(0, result.Current.Totals.PayingCustomers);
        Assert.Equal(0, result.Current.Totals.AverageOrderValue);
        Assert.Equal(0, result.Current.Totals.RefundRate);
        Assert.Equal(14, result.Current.Totals.RevenueByDay.Count);
        Assert.Equal(14, result.Previous.RevenueByDay.Count);
        Assert.Empty(result.Current.TopCourses);
        await Assert.ThrowsAsync<ArgumentException>(() => _summary.GetAsync(To, From));
    }

    private const string Net = "o.payable - COALESCE((SELECT SUM(r.amount) FROM refunds r WHERE r.order_id = o.id), 0)";

    private async Task AssertTotalsMatchOrdersAsync(SalesTotals figures, DateOnly from, DateOnly to)
    {
        var range = new { start = _time.StartOfDayUtc(from), end = _time.StartOfDayUtc(to.AddDays(1)) };
        await using var c = await _store.Db.OpenAsync();
        var totals = await c.QuerySingleAsync<(long Orders, long Gross, long Customers)>(
            "SELECT COUNT(*), COALESCE(SUM(payable), 0), COUNT(DISTINCT customer_id) FROM orders WHERE paid_at >= @start AND paid_at < @end", range);
        var refunds = await c.QuerySingleAsync<(long Amount, long Orders)>("""
            SELECT COALESCE(SUM(r.amount), 0), COUNT(DISTINCT r.order_id) FROM refunds r JOIN orders o ON o.id = r.order_id
            WHERE o.paid_at >= @start AND o.paid_at < @end
            """, range);
        Assert.Equal(from, figures.From);
        Assert.Equal(to, figures.To);
        Assert.Equal(totals.Orders, figures.Orders);
        Assert.Equal(totals.Gross - refunds.Amount, figures.NetRevenue);
        Assert.Equal(totals.Customers, figures.PayingCustomers);
        Assert.Equal(refunds.Orders, figures.RefundedOrders);
        Assert.Equal((double)refunds.Orders / totals.Orders, figures.RefundRate, 10);
        Assert.Equal((long)Math.Round((decimal)(totals.Gross - refunds.Amount) / totals.Orders, MidpointRounding.AwayFromZero), figures.AverageOrderValue);

        // Shanghai keeps +08:00 all year, so SQLite can cut the days itself.
        var byDay = (await c.QueryAsync<(string Day, long Net)>(
            $"SELECT date(o.paid_at, '+8 hours'), SUM({Net}) FROM orders o WHERE o.paid_at >= @start AND o.paid_at < @end GROUP BY 1", range))
            .ToDictionary(d => DateOnly.Parse(d.Day), d => d.Net);
        Assert.Equal(to.DayNumber - from.DayNumber + 1, figures.RevenueByDay.Count);
        Assert.All(figures.RevenueByDay, d => Assert.Equal(byDay.GetValueOrDefault(d.Day), d.NetRevenue));
    }

    private async Task AssertBreakdownsMatchOrdersAsync(SalesFigures figures, DateOnly from, DateOnly to)
    {
        var range = new { start = _time.StartOfDayUtc(from), end = _time.StartOfDayUtc(to.AddDays(1)) };
        await using var c = await _store.Db.OpenAsync();

        var byChannel = await c.QueryAsync<(string Channel, long Net)>(
            $"SELECT o.channel, SUM({Net}) FROM orders o WHERE o.paid_at >= @start AND o.paid_at < @end GROUP BY o.channel ORDER BY 2 DESC, 1", range);
        Assert.Equal(byChannel.ToList(), figures.RevenueByChannel.Select(x => (x.Channel, x.NetRevenue)).ToList());

        var byCategory = await c.QueryAsync<(string? Category, long Net)>($"""
            SELECT k.category, SUM({Net}) FROM orders o JOIN courses k ON k.id = o.course_id
            WHERE o.paid_at >= @start AND o.paid_at < @end GROUP BY k.category
            """, range);
        Assert.Equal(byCategory.OrderBy(x => x.Category, StringComparer.Ordinal).ToList(),
            figures.RevenueByCategory.Select(x => (x.Category, x.NetRevenue)).OrderBy(x => x.Category, StringComparer.Ordinal).ToList());

        var top = await c.QueryAsync<(string ExternalId, long Net)>($"""
            SELECT k.external_id, SUM({Net}) FROM orders o JOIN courses k ON k.id = o.course_id
            WHERE o.paid_at >= @start AND o.paid_at < @end GROUP BY k.id, k.external_id ORDER BY 2 DESC, k.id
            """, range);
        Assert.Equal(top.Take(10).ToList(), figures.TopCourses.Select(x => (x.ExternalId, x.NetRevenue)).ToList());
        Assert.Equal(10, figures.TopCourses.Count);
    }
}
