using Console.Domain.Data;
using Dapper;

namespace Console.Domain.Sales;

/// <summary>
/// Everything the sales dashboard shows for one period and the one of equal length before it. Cut is set when the
/// period ends today: both periods' last days then run only to the same time of day. Hours is the one-day chart.
/// </summary>
public sealed record SalesDashboardFigures(
    SalesPeriod Period, DayCut? Cut, bool AnyOrders, SalesFigures Current, SalesTotals Previous,
    LiveFunnelTotals Funnel, LiveFunnelTotals PreviousFunnel, IReadOnlyList<HourOrders> Hours)
{
    public KpiDelta NetRevenue => new(Current.Totals.NetRevenue, Previous.NetRevenue);
    public KpiDelta Orders => new(Current.Totals.Orders, Previous.Orders);
    public KpiDelta PayingCustomers => new(Current.Totals.PayingCustomers, Previous.PayingCustomers);
    public KpiDelta AverageOrderValue => new(Current.Totals.AverageOrderValue, Previous.AverageOrderValue);
    public KpiDelta RefundRate => new(Current.Totals.RefundRate, Previous.RefundRate);
    public KpiDelta LiveConversion => new(Funnel.Conversion, PreviousFunnel.Conversion);
}

/// <summary>The dashboard's reads: the daily rollups, the per-session funnel rows, a cut day's orders and one existence check.</summary>
public sealed class SalesDashboard(Db db, SalesSummary summary, LiveFunnel funnel, BusinessTime time, TimeProvider clock)
{
    public async Task<SalesDashboardFigures> GetAsync(SalesPeriod period, CancellationToken ct = default)
    {
        var previous = period.Previous;
        var cut = DayCut.For(period, time, clock.GetUtcNow().UtcDateTime);
        var sales = await summary.GetAsync(period.From, period.To, cut?.Window(previous.To, time), ct);
        var current = await funnel.GetAsync(period.From, period.To, cut?.Window(period.To, time), ct);
        var before = await funnel.GetAsync(previous.From, previous.To, cut?.Window(previous.To, time), ct);
        var hours = period.Days == 1 ? await OrdersByHour.ReadAsync(db, time, period.From, ct) : [];
        return new SalesDashboardFigures(period, cut, await AnyOrdersAsync(ct), sales.Current, sales.Previous, current, before, hours);
    }

    /// <summary>Whether any order was ever recorded: tells "no data yet" apart from "nothing in this range".</summary>
    public async Task<bool> AnyOrdersAsync(CancellationToken ct = default)
    {
        await using var connection = await db.OpenAsync(ct);
        return await connection.ExecuteScalarAsync<int>(new CommandDefinition(
            "SELECT CASE WHEN EXISTS (SELECT 1 FROM orders) THEN 1 ELSE 0 END", cancellationToken: ct)) == 1;
    }
}
