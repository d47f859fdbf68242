using System.Globalization;
using System.Text;
using Console.Domain.Sales;

namespace Console.Web.Components.Pages.Sales;

/// <summary>The period's daily figures as CSV (invariant numbers, money in yuan), for the export link.</summary>
public static class SalesCsv
{
    public static string Daily(SalesTotals totals)
    {
        var csv = new StringBuilder("day,net_revenue,orders\n");
        foreach (var day in totals.RevenueByDay)
        {
            var net = global::Console.Domain.Data.Money.ToDecimal(day.NetRevenue);
            csv.Append(CultureInfo.InvariantCulture, $"{day.Day:yyyy-MM-dd},{net:0.00},{day.Orders}\n");
        }
        return csv.ToString();
    }

    /// <summary>A data: address the browser downloads directly, so the export needs no endpoint of its own.</summary>
    public static string DataUri(string csv) => "data:text/csv;charset=utf-8," + Uri.EscapeDataString(csv);

    public static string FileName(SalesPeriod period) => $"sales-{period.From:yyyy-MM-dd}-{period.To:yyyy-MM-dd}.csv";
}
