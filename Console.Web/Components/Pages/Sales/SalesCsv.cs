using System.Globalization;
using System.Text;
using Console.Domain.Sales;

namespace Console.Web.Components.Pages.Sales;

/// <summary>
/// The period's daily figures beside the previous period's (day by day, in order) as CSV: invariant numbers, money in
/// yuan. A day read only up to a cut says until when in its until column, as the dashboard compares it.
/// </summary>
public static class SalesCsv
{
    public const string Header = "day,net_revenue,orders,until,previous_day,previous_net_revenue,previous_orders,previous_until\n";

    public static string Daily(SalesTotals current, SalesTotals previous, DayCut? cut)
    {
        var csv = new StringBuilder(Header);
        var until = cut is null ? "" : SalesFormat.Clock(cut.Clock);
        for (var i = 0; i < current.RevenueByDay.Count; i++)
        {
            var day = current.RevenueByDay[i];
            var last = i == current.RevenueByDay.Count - 1;
            csv.Append(CultureInfo.InvariantCulture, $"{day.Day:yyyy-MM-dd},{Yuan(day.NetRevenue)},{day.Orders},{(last ? until : "")},");
            if (i < previous.RevenueByDay.Count)
            {
                var before = previous.RevenueByDay[i];
                var previousLast = i == previous.RevenueByDay.Count - 1;
                csv.Append(CultureInfo.InvariantCulture, $"{before.Day:yyyy-MM-dd},{Yuan(before.NetRevenue)},{before.Orders},{(previousLast ? until : "")}");
            }
            else csv.Append(",,,");
            csv.Append('\n');
        }
        return csv.ToString();
    }

    private static string Yuan(long fen) => global::Console.Domain.Data.Money.ToDecimal(fen).ToString("0.00", CultureInfo.InvariantCulture);

    /// <summary>A data: address the browser downloads directly, so the export needs no endpoint of its own.</summary>
    public static string DataUri(string csv) => "data:text/csv;charset=utf-8," + Uri.EscapeDataString(csv);

    public static string FileName(SalesPeriod period) => $"sales-{period.From:yyyy-MM-dd}-{period.To:yyyy-MM-dd}.csv";
}
