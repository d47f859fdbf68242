using System.Globalization;
using Console.Domain.Data;
using CsvHelper;

namespace Console.Domain.Partners;

/// <summary>The ROI leaderboard as CSV, one row per KOL, money in yuan, shares as fractions.</summary>
public static partial class RoiCsv
{
    [CsvRecord, CsvOptions(NewLine = "\n", Culture = "")]
    internal sealed partial record Row
    {
        [CsvColumn("kol")] public string Kol { get; init; } = "";
        [CsvColumn("name")] public string Name { get; init; } = "";
        [CsvColumn("clicks")] public long Clicks { get; init; }
        [CsvColumn("orders")] public long Orders { get; init; }
        [CsvColumn("gmv"), CsvConverter(typeof(YuanCsv))] public long Gmv { get; init; }
        [CsvColumn("net_revenue"), CsvConverter(typeof(YuanCsv))] public long NetRevenue { get; init; }
        [CsvColumn("refund_rate")] public string RefundRate { get; init; } = "";
        [CsvColumn("commission"), CsvConverter(typeof(YuanCsv))] public long Commission { get; init; }
        [CsvColumn("fee"), CsvConverter(typeof(YuanCsv))] public long Fee { get; init; }
        [CsvColumn("roi")] public string Roi { get; init; } = "";
        [CsvColumn("new_customer_share")] public string NewCustomerShare { get; init; } = "";
    }

    public static string Write(IEnumerable<KolRoi> rows) => CsvText.Write(rows.Select(r => new Row
    {
        Kol = r.ExternalId, Name = r.Name, Clicks = r.Clicks, Orders = r.Orders, Gmv = r.Gmv, NetRevenue = r.NetRevenue,
        RefundRate = r.RefundRate.ToString("0.####", CultureInfo.InvariantCulture), Commission = r.Commission, Fee = r.Fee,
        Roi = r.Roi?.ToString("0.####", CultureInfo.InvariantCulture) ?? "",
        NewCustomerShare = r.NewCustomerShare.ToString("0.####", CultureInfo.InvariantCulture),
    }));
}
