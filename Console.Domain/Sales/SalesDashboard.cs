using Console.Domain.Data;
using Dapper;

namespace Console.Domain.Sales;

/// <summary>Everything the sales dashboard shows for one period and the one of equal length before it.</summary>
public sealed record SalesDashboardFigures(
    SalesPeriod Period, bool AnyOrders, SalesFigures Current, SalesTotals Previous,
    LiveFunnelTotals Funnel, LiveFunnelTotals PreviousFunnel)
{
    public KpiDelta NetRevenue => new(Current.Totals.NetRevenue, Previous.NetRevenue);
    public KpiDelta Orders => new(Current.Totals.Orders, Previous.Orders);
    public KpiDelta PayingCustomers => new(Current.Totals.PayingCustomers, Previous.PayingCustomers);
    public KpiDelta AverageOrderValue => new(Current.Totals.AverageOrderValue, Previous.AverageOrderValue);
    public KpiDelta RefundRate => new(Current.Totals.RefundRate, Previous.RefundRate);
    public KpiDelta LiveConversion => new(Funnel.Conversion, PreviousFunnel.Conversion);
}

/// <summary>The dashboard's reads: the daily rollups, the per-session funnel rows and one existence check.</summary>
public sealed class SalesDashboard(Db db, SalesSummary summary, LiveFunnel funnel)
{
    public async Task<SalesDashboardFigures> GetAsync(SalesPeriod period, CancellationToken ct = default)
    {
        var previous = period.Previous;
        var sales = await summary.GetAsync(period.From, period.To, ct);
        var current = await funnel.GetAsync(period.From, period.To, ct);
        var before = await funnel.GetAsync(previous.From, previous.To, ct);
        return new SalesDashboardFigures(period, await AnyOrdersAsync(ct), sales.Current, sales.Previous, current, before);
    }

    /// <summary>Whether any order was ever recorded: tells "no data yet" apart from "nothing in this range".</summary>
    public async Task<bool> AnyOrdersAsync(CancellationToken ct = default)
    {
        await using var connection = await db.OpenAsync(ct);
        return await connection.ExecuteScalarAsync<int>(new CommandDefinition(
            "SELECT CASE WHEN EXISTS (SELECT 1 FROM orders) THEN 1 ELSE 0 END", cancellationToken: ct)) == 1;
    }
}
