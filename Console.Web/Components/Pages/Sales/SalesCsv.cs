using Console.Domain.Data;
using Console.Domain.Sales;
using CsvHelper;

namespace Console.Web.Components.Pages.Sales;

/// <summary>The period's daily figures as CSV (invariant numbers, money in yuan), for the export link.</summary>
public static partial class SalesCsv
{
    [CsvRecord, CsvOptions(NewLine = "\n", Culture = "")]
    internal sealed partial record Line
    {
        [CsvColumn("day")] public DateOnly Day { get; init; }
        [CsvColumn("net_revenue"), CsvConverter(typeof(YuanCsv))] public long NetRevenue { get; init; }
        [CsvColumn("orders")] public long Orders { get; init; }
    }

    public static string Daily(SalesTotals totals) =>
        CsvText.Write(totals.RevenueByDay.Select(d => new Line { Day = d.Day, NetRevenue = d.NetRevenue, Orders = d.Orders }));

    /// <summary>A data: address the browser downloads directly, so the export needs no endpoint of its own.</summary>
    public static string DataUri(string csv) => "data:text/csv;charset=utf-8," + Uri.EscapeDataString(csv);

    public static string FileName(SalesPeriod period) => $"sales-{period.From:yyyy-MM-dd}-{period.To:yyyy-MM-dd}.csv";
}
