using System.Globalization;
using Console.Domain.Sales;
using Console.Web.Ui;

namespace Console.Web.Components.Pages.Sales;

/// <summary>Dashboard numbers as text in the reader's culture: money with the shop currency's symbol, counts, shares, deltas.</summary>
public sealed class SalesFormat(CultureInfo culture, string currency = "CNY")
{
    public const string NoComparison = "—";

    private readonly NumberFormatInfo _money = ShopMoney.Format(culture, currency);

    public CultureInfo Culture => culture;

    /// <summary>¥1,299.00 (and -¥1,299.00) in both languages.</summary>
    public string Money(long fen) => ShopMoney.Text(fen, _money);

    public string Count(long value) => value.ToString("N0", culture);

    /// <summary>
    /// A count in words: the key's ".One" text for exactly one ("1 day"), else the key's text with the count ("7 days").
    /// Chinese has one form, so its two texts read alike.
    /// </summary>
    public string Counted(Microsoft.Extensions.Localization.IStringLocalizer strings, string key, long count) =>
        count == 1 ? strings[key + ".One"] : strings[key, Count(count)];

    /// <summary>Chart numbers: money in the shop currency with round ticks, counts in whole steps.</summary>
    public ChartFormat MoneyChart => ChartFormat.Money(culture, _money);

    public ChartFormat CountChart => ChartFormat.Counts(culture);

    /// <summary>A business clock time, the same in both languages: 11:00.</summary>
    public static string Clock(TimeOnly time) => time.ToString("HH:mm", CultureInfo.InvariantCulture);

    /// <summary>A share 0..1 as a percentage with one decimal: 0.1234 → 12.3%.</summary>
    public string Percent(double share) => share.ToString("0.0%", culture);

    /// <summary>▲ 12.3% / ▼ 4.0% / 0.0%, or "—" when the previous period had nothing to compare with.</summary>
    public string Delta(KpiDelta delta) => delta.Percent switch
    {
        null => NoComparison,
        var p => delta.Direction switch
        {
            DeltaDirection.Up => "▲ " + Percent(Math.Abs(p.Value)),
            DeltaDirection.Down => "▼ " + Percent(Math.Abs(p.Value)),
            _ => Percent(0),
        },
    };

    public string Day(DateOnly day) => day.ToString("d", culture);

    /// <summary>Short axis label: month and day in the reader's order.</summary>
    public string ShortDay(DateOnly day) => day.ToString(culture.TwoLetterISOLanguageName == "zh" ? "M/d" : "MMM d", culture);
}
