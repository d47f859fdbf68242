using System.Globalization;
using Console.Domain.Data;
using Console.Domain.Sales;
using CsvHelper;

namespace Console.Web.Components.Pages.Sales;

/// <summary>
/// The period's daily figures beside the previous period's (day by day, in order) as CSV: invariant numbers, money in
/// yuan. A day read only up to a cut says until when in its until column, as the dashboard compares it.
/// </summary>
public static partial class SalesCsv
{
    public const string Header = "day,net_revenue,orders,until,previous_day,previous_net_revenue,previous_orders,previous_until\n";

    // The previous period's columns are text: a range longer than the one before it (never today) leaves them empty.
    [CsvRecord, CsvOptions(NewLine = "\n", Culture = "")]
    internal sealed partial record Line
    {
        [CsvColumn("day")] public DateOnly Day { get; init; }
        [CsvColumn("net_revenue"), CsvConverter(typeof(YuanCsv))] public long NetRevenue { get; init; }
        [CsvColumn("orders")] public long Orders { get; init; }
        [CsvColumn("until")] public string Until { get; init; } = "";
        [CsvColumn("previous_day")] public string PreviousDay { get; init; } = "";
        [CsvColumn("previous_net_revenue")] public string PreviousNetRevenue { get; init; } = "";
        [CsvColumn("previous_orders")] public string PreviousOrders { get; init; } = "";
        [CsvColumn("previous_until")] public string PreviousUntil { get; init; } = "";
    }

    public static string Daily(SalesTotals current, SalesTotals previous, DayCut? cut)
    {
        var until = cut is null ? "" : SalesFormat.Clock(cut.Clock);
        var lines = current.RevenueByDay.Select((day, i) =>
        {
            var line = new Line { Day = day.Day, NetRevenue = day.NetRevenue, Orders = day.Orders,
                Until = i == current.RevenueByDay.Count - 1 ? until : "" };
            if (i >= previous.RevenueByDay.Count) return line;
            var before = previous.RevenueByDay[i];
            return line with
            {
                PreviousDay = before.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                PreviousNetRevenue = Money.ToDecimal(before.NetRevenue).ToString("0.00", CultureInfo.InvariantCulture),
                PreviousOrders = before.Orders.ToString(CultureInfo.InvariantCulture),
                PreviousUntil = i == previous.RevenueByDay.Count - 1 ? until : "",
            };
        });
        return CsvText.Write(lines);
    }

    /// <summary>A data: address the browser downloads directly, so the export needs no endpoint of its own.</summary>
    public static string DataUri(string csv) => "data:text/csv;charset=utf-8," + Uri.EscapeDataString(csv);

    public static string FileName(SalesPeriod period) => $"sales-{period.From:yyyy-MM-dd}-{period.To:yyyy-MM-dd}.csv";
}
